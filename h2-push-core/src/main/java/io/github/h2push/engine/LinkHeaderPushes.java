package io.github.h2push.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushOutcome;
import io.github.h2push.PushPromiseService;
import io.github.h2push.PushReason;
import io.github.h2push.PushResult;
import io.github.h2push.spi.PushChannel;

import org.springframework.lang.Nullable;

/**
 * Turns the preload links of an application's own {@code Link} header into offers of
 * one {@link PushAttempt}: same-origin, valid, not marked {@code nopush}.
 */
final class LinkHeaderPushes {

	private static final Pattern PRELOAD = Pattern.compile("preload", Pattern.CASE_INSENSITIVE);

	private LinkHeaderPushes() {
	}

	/**
	 * Pushes the preload links of an application's own {@code Link} header; see
	 * {@link PushPromiseService#pushLinks}.
	 */
	static List<PushResult> push(PushSettings settings, HttpServletRequest request,
			@Nullable HttpServletResponse response, String linkHeaderValue) {
		// no parsing for a header without preload links, nor for a request that cannot push,
		// such as every browser's; the channel is the one the request's attempts share
		if (!PRELOAD.matcher(linkHeaderValue).find()) {
			return List.of();
		}
		PushChannel channel = PushAttempt.open(settings, request, response);
		if (PushAttempt.refuses(channel, request)) {
			return List.of();
		}
		List<PreloadLink> links = new ArrayList<>(2);
		List<PushResult> rejected = new ArrayList<>(0);
		for (LinkHeader.Link link : LinkHeader.parse(linkHeaderValue)) {
			if (!link.isPreload() || link.isNoPush()) {
				continue;
			}
			// offered as declared paths are: within the application, which adds its context path back
			String path = link.applicationPath(request);
			if (path == null) {
				continue;
			}
			String problem = PushPathValidator.problemWith(path);
			if (problem != null) {
				rejected.add(PushResult.notPushed(path, PushOutcome.REJECTED, PushReason.INVALID_PATH, "path " + problem));
				continue;
			}
			links.add(PreloadLink.found(path, link.parameter("as"), link.parameter("fetchpriority")));
		}
		if (links.isEmpty() && rejected.isEmpty()) {
			return List.of();
		}
		PushAttempt attempt = new PushAttempt(settings, request, response, true, channel);
		List<PushResult> results = new ArrayList<>(rejected);
		for (PreloadLink link : links) {
			PushResult result = attempt.offer(link);
			if (result != null) {
				results.add(result);
			}
		}
		return attempt.finish(results, false);
	}

}
