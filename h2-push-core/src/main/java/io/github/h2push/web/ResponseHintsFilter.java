package io.github.h2push.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.github.h2push.engine.DefaultPushPromiseService;
import io.github.h2push.engine.LearnedHints;
import io.github.h2push.engine.OwnLinkHeaders;
import io.github.h2push.engine.PreloadLink;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * Watches what a response says about the resources its page needs first.
 * <ul>
 * <li>Each {@code Link} header the application sets, from a controller, a
 * {@code ResponseEntity}, a filter further down the chain or a view, is handed to
 * {@link DefaultPushPromiseService#pushLinks} as it is set, before the response commits, so its
 * preload links are pushed to clients that take pushes
 * ({@code h2-push.push-from-link-headers}). The header itself reaches the client
 * unchanged. {@code Link} headers that the service adds as hints are not watched, so
 * nothing is offered twice.</li>
 * <li>When learning ({@code h2-push.learn.enabled}) and the interceptor marked the
 * request as a sample, the first bytes of the body are copied as they are written, and
 * a successful HTML response teaches {@link LearnedHints} its preload links and the
 * render-blocking resources of its head, as far as its rule allows: an anonymous, public
 * response, static resources whose path carries no value of the request.</li>
 * </ul>
 * Each response is watched once: register the filter for {@code REQUEST} dispatches,
 * and for {@code FORWARD} ones so that a page forwarded to before the filter ran is
 * watched too; a response that passes through it again is left as it is.
 *
 * @since 0.1.0
 */
public class ResponseHintsFilter implements Filter {

	private final DefaultPushPromiseService pushPromiseService;

	private final boolean pushFromLinkHeaders;

	@Nullable
	private final LearnedHints learnedHints;

	private final int headBytes;

	/**
	 * Creates a filter that only pushes from {@code Link} headers.
	 * @param pushPromiseService the service that pushes the links
	 */
	public ResponseHintsFilter(DefaultPushPromiseService pushPromiseService) {
		this(pushPromiseService, true, null, 0);
	}

	/**
	 * Creates a filter.
	 * @param pushPromiseService the service that pushes the links
	 * @param pushFromLinkHeaders whether to push from the application's {@code Link}
	 * headers
	 * @param learnedHints where to learn hints, or {@code null} not to learn
	 * @param headBytes the most bytes of a sampled response read for its head
	 */
	public ResponseHintsFilter(DefaultPushPromiseService pushPromiseService, boolean pushFromLinkHeaders,
			@Nullable LearnedHints learnedHints, int headBytes) {
		this.pushPromiseService = pushPromiseService;
		this.pushFromLinkHeaders = pushFromLinkHeaders;
		this.learnedHints = learnedHints;
		this.headBytes = headBytes;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain filterChain)
			throws IOException, ServletException {
		if (!(servletRequest instanceof HttpServletRequest request)
				|| !(servletResponse instanceof HttpServletResponse response) || isWatched(response)) {
			filterChain.doFilter(servletRequest, servletResponse);
			return;
		}
		WatchingResponse watching = new WatchingResponse(request, response, this);
		filterChain.doFilter(request, watching);
		// an async request writes its body later, on another thread: not learned from
		if (this.learnedHints != null && watching.captured != null && !request.isAsyncStarted()) {
			Object key = request.getAttribute(LearnedHints.KEY_ATTRIBUTE);
			if (key instanceof String learnedKey && isSuccessfulHtml(watching)) {
				learn(request, watching, learnedKey);
			}
		}
	}

	// a forward or include of a response this filter already wraps passes the wrapper on
	private static boolean isWatched(ServletResponse response) {
		ServletResponse current = response;
		while (current instanceof ServletResponseWrapper wrapper) {
			if (wrapper instanceof WatchingResponse) {
				return true;
			}
			current = wrapper.getResponse();
		}
		return false;
	}

	private void learn(HttpServletRequest request, WatchingResponse response, String key) {
		// learned plans are offered to everyone: a page that is anyone's own teaches nothing
		LearnedHints.Refusal refusal = LearnedHints.refusal(request, response::headerValues);
		if (refusal != null) {
			request.setAttribute(LearnedHints.REFUSAL_ATTRIBUTE, refusal);
			this.learnedHints.refused(key);
			return;
		}
		List<PreloadLink> links = this.learnedHints.resourcesOf(request, response.linkValues,
				response.captured.text());
		List<PreloadLink> kept = this.learnedHints.learn(key, links);
		request.setAttribute(LearnedHints.LEARNED_ATTRIBUTE, kept.stream().map(PreloadLink::path).toList());
	}

	private static boolean isSuccessfulHtml(HttpServletResponse response) {
		String contentType = response.getContentType();
		return response.getStatus() == HttpServletResponse.SC_OK && contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
	}

	private static final class WatchingResponse extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		private final ResponseHintsFilter filter;

		private final List<String> linkValues = new ArrayList<>(0);

		// a server may show an added cookie among the headers only once the response commits
		private boolean addedCookie;

		@Nullable
		private HeadCapture captured;

		@Nullable
		private ServletOutputStream outputStream;

		@Nullable
		private PrintWriter writer;

		WatchingResponse(HttpServletRequest request, HttpServletResponse response, ResponseHintsFilter filter) {
			super(response);
			this.request = request;
			this.filter = filter;
		}

		@Override
		public void setHeader(String name, String value) {
			boolean link = HttpHeaders.LINK.equalsIgnoreCase(name);
			if (link) {
				this.linkValues.clear();
			}
			watch(name, value);
			super.setHeader(name, value);
			if (link) {
				// the application's header replaces the others, but not h2-push's own hints
				OwnLinkHeaders.of(this.request)
					.stream()
					.filter((own) -> !own.equals(value))
					.forEach((own) -> super.addHeader(HttpHeaders.LINK, own));
			}
		}

		@Override
		public void reset() {
			super.reset();
			this.linkValues.clear();
			OwnLinkHeaders.forget(this.request);
			// the streams stay in use: what is written after a reset is the page
			if (this.captured != null) {
				this.captured.clear();
			}
		}

		@Override
		public void resetBuffer() {
			super.resetBuffer();
			if (this.captured != null) {
				this.captured.clear();
			}
		}

		@Override
		public void addHeader(String name, String value) {
			watch(name, value);
			super.addHeader(name, value);
		}

		@Override
		public void setStatus(int sc) {
			dropOwnLinksOnError(sc);
			super.setStatus(sc);
		}

		@Override
		public void sendError(int sc) throws IOException {
			dropOwnLinksOnError(sc);
			super.sendError(sc);
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			dropOwnLinksOnError(sc);
			super.sendError(sc, msg);
		}

		// an error response is not the page whose resources were hinted: it keeps only the application's links
		private void dropOwnLinksOnError(int status) {
			if (status < 400 || isCommitted() || OwnLinkHeaders.of(this.request).isEmpty()) {
				return;
			}
			List<String> kept = new ArrayList<>();
			for (String value : getHeaders(HttpHeaders.LINK)) {
				if (!OwnLinkHeaders.isOwn(this.request, value)) {
					kept.add(value);
				}
			}
			OwnLinkHeaders.forget(this.request);
			if (kept.isEmpty()) {
				// removes the header on Servlet 6.1 servers (Undertow, Tomcat 11, Jetty 12); Tomcat 10.1 ignores it
				super.setHeader(HttpHeaders.LINK, null);
				return;
			}
			super.setHeader(HttpHeaders.LINK, kept.get(0));
			kept.subList(1, kept.size()).forEach((value) -> super.addHeader(HttpHeaders.LINK, value));
		}

		@Override
		public void addCookie(Cookie cookie) {
			this.addedCookie = true;
			super.addCookie(cookie);
		}

		// the response's headers as they will be sent, cookies added included
		Collection<String> headerValues(String name) {
			Collection<String> values = getHeaders(name);
			if (this.addedCookie && HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)
					&& (values == null || values.isEmpty())) {
				return List.of("(added)");
			}
			return (values != null) ? values : List.of();
		}

		// the application's own Link headers, not the hints h2-push adds
		private boolean isApplicationLink(String name, @Nullable String value) {
			return value != null && HttpHeaders.LINK.equalsIgnoreCase(name)
					&& !OwnLinkHeaders.isOwn(this.request, value);
		}

		private void watch(String name, String value) {
			if (!isApplicationLink(name, value)) {
				return;
			}
			if (this.filter.learnedHints != null) {
				this.linkValues.add(value);
			}
			if (this.filter.pushFromLinkHeaders && !isCommitted()) {
				this.filter.pushPromiseService.pushLinks(this.request, this, value);
			}
		}

		// the interceptor, which runs before the body is written, decides whether to sample
		private boolean sampling() {
			return this.filter.learnedHints != null && this.filter.headBytes > 0
					&& this.request.getAttribute(LearnedHints.KEY_ATTRIBUTE) != null;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (this.outputStream == null) {
				ServletOutputStream stream = super.getOutputStream();
				if (sampling()) {
					this.captured = new HeadCapture(this.filter.headBytes);
					stream = new HeadCapture.CapturingOutputStream(stream, this.captured);
				}
				this.outputStream = stream;
			}
			return this.outputStream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				PrintWriter writer = super.getWriter();
				if (sampling()) {
					this.captured = new HeadCapture(this.filter.headBytes);
					writer = new HeadCapture.CapturingWriter(writer, this.captured);
				}
				this.writer = writer;
			}
			return this.writer;
		}

	}

}
