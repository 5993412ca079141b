package io.github.h2push;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.support.CacheDigestCookie;
import io.github.h2push.support.PreloadLink;
import io.github.h2push.support.RequestHeaderAllowlist;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * The pushes of one call to the {@link PushPromiseService}: the channel opened once for
 * the request, the headers copied once, the hints to repeat in a {@code 103}, and the
 * paths to add to the cache digest.
 */
final class PushAttempt {

	private final PushPromiseService.Settings settings;

	private final HttpServletRequest request;

	@Nullable
	private final HttpServletResponse response;

	@Nullable
	private final PushChannel channel;

	@Nullable
	private final String refusal;

	@Nullable
	private final BitSet digest;

	private final List<String> hints = new ArrayList<>(4);

	private final List<String> pushed = new ArrayList<>(4);

	@Nullable
	private HttpHeaders copiedHeaders;

	private int pushedBefore = -1;

	private int copiedBytesBefore;

	PushAttempt(PushPromiseService.Settings settings, HttpServletRequest request,
			@Nullable HttpServletResponse response) {
		this.settings = settings;
		this.request = request;
		this.response = response;
		this.channel = open(settings.transports(), request);
		this.refusal = refusal(this.channel, request);
		this.digest = (settings.cacheDigest() != null && this.refusal == null) ? settings.cacheDigest().read(request)
				: null;
	}

	@Nullable
	private static PushChannel open(List<PushTransport> transports, HttpServletRequest request) {
		for (PushTransport transport : transports) {
			PushChannel channel = transport.open(request);
			if (channel != null) {
				return channel;
			}
		}
		return null;
	}

	@Nullable
	private static String refusal(@Nullable PushChannel channel, HttpServletRequest request) {
		if (channel == null) {
			return "no push transport for this request";
		}
		if ("HEAD".equals(request.getMethod())) {
			return "a HEAD request, whose response has no body to need resources";
		}
		return channel.refusal();
	}

	PushResult offer(PreloadLink declared) {
		PreloadLink link = resolve(declared);
		String path = link.path();
		PushAccessPolicy.Access access = access(path);
		if (access == PushAccessPolicy.Access.DENY) {
			return new PushResult(path, PushOutcome.SKIPPED, null, "the current user may not fetch it");
		}
		if (this.refusal != null) {
			return hint(link, PushOutcome.HINTED, this.refusal);
		}
		if (access == PushAccessPolicy.Access.HINT_ONLY) {
			return hint(link, PushOutcome.HINTED,
					"a pushed request, which carries only the copied headers, may not fetch it");
		}
		if (this.channel.wasPushed(path)) {
			return duplicate(path, PushChannel.Answer.ALREADY_PUSHED.reason());
		}
		if (this.digest != null && CacheDigestCookie.contains(this.digest, path)) {
			return duplicate(path, "the client's cache digest lists it");
		}
		if (this.pushedBefore < 0) {
			countEarlierPushes();
		}
		int max = this.settings.maxPushesPerRequest();
		if (this.pushedBefore + this.pushed.size() >= max) {
			return hint(link, PushOutcome.LIMITED, "max-pushes-per-request (" + max + ") reached");
		}
		HttpHeaders headers = copiedHeaders();
		int bytes = RequestHeaderAllowlist.sizeOf(headers);
		if (this.copiedBytesBefore + bytes * (this.pushed.size() + 1) > this.settings.maxCopiedBytesPerRequest()) {
			return hint(link, PushOutcome.LIMITED, "the request's copied headers would exceed "
					+ this.settings.maxCopiedBytesPerRequest() + " bytes across its promises");
		}
		PushPromise promise = new PushPromise(path, headers);
		PushChannel.Answer answer = this.channel.push(promise);
		return switch (answer) {
			case SENT -> {
				this.pushed.add(path);
				yield new PushResult(path, PushOutcome.PUSHED, promise, null);
			}
			case ALREADY_PUSHED -> duplicate(path, answer.reason());
			case NO_STREAM_SLOT, BUSY, REFUSED -> hint(link, PushOutcome.LIMITED, answer.reason());
		};
	}

	/**
	 * Sends one {@code 103} with the hints of this attempt, when it made any.
	 * @param overHttp1 whether an HTTP/1.1 request may get one
	 * @return whether it was sent
	 */
	boolean sendEarlyHints(boolean overHttp1) {
		return this.channel != null && !this.hints.isEmpty() && this.response != null
				&& !this.response.isCommitted() && this.channel.sendEarlyHints(this.hints, overHttp1);
	}

	void writeDigest() {
		if (this.digest != null && !this.pushed.isEmpty() && this.response != null && !this.response.isCommitted()) {
			this.settings.cacheDigest().write(this.request, this.response, this.digest, this.pushed);
		}
	}

	private HttpHeaders copiedHeaders() {
		if (this.copiedHeaders == null) {
			this.copiedHeaders = this.settings.copiedHeaders().copyFrom(this.request);
		}
		return this.copiedHeaders;
	}

	// earlier calls for the same request count against its limits
	private void countEarlierPushes() {
		this.pushedBefore = 0;
		for (PushResult result : PushPromiseService.results(this.request)) {
			if (result.isPushed()) {
				this.pushedBefore++;
				this.copiedBytesBefore += RequestHeaderAllowlist.sizeOf(result.promise().headers());
			}
		}
	}

	private PushResult duplicate(String path, @Nullable String reason) {
		return new PushResult(path, PushOutcome.DUPLICATE, null, reason);
	}

	private PreloadLink resolve(PreloadLink link) {
		if (this.settings.urlResolver() == null) {
			return link;
		}
		String resolved = this.settings.urlResolver().apply(this.request, link.path());
		return (resolved != null && !resolved.equals(link.path()))
				? new PreloadLink(resolved, link.as(), link.fetchPriority()) : link;
	}

	private PushAccessPolicy.Access access(String path) {
		PushAccessPolicy.Access result = PushAccessPolicy.Access.PUSH;
		for (PushAccessPolicy policy : this.settings.accessPolicies()) {
			PushAccessPolicy.Access access = policy.check(this.request, path);
			if (access == PushAccessPolicy.Access.DENY) {
				return access;
			}
			if (access == PushAccessPolicy.Access.HINT_ONLY) {
				result = access;
			}
		}
		return result;
	}

	private PushResult hint(PreloadLink link, PushOutcome outcome, String reason) {
		if (!this.settings.preloadLinks()) {
			return new PushResult(link.path(), PushOutcome.SKIPPED, null, reason + "; preload links are off");
		}
		if (this.response == null || this.response.isCommitted()) {
			return new PushResult(link.path(), PushOutcome.SKIPPED, null,
					reason + "; no uncommitted response for a preload link");
		}
		String value = link.headerValue();
		this.response.addHeader(HttpHeaders.LINK, value);
		this.hints.add(value);
		return new PushResult(link.path(), outcome, null, reason);
	}

}
