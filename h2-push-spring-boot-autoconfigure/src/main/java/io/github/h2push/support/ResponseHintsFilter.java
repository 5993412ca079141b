package io.github.h2push.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.github.h2push.PushPromiseService;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Watches what a response says about the resources its page needs first.
 * <ul>
 * <li>Each {@code Link} header the application sets, from a controller, a
 * {@code ResponseEntity}, a filter further down the chain or a view, is handed to
 * {@link PushPromiseService#pushLinks} as it is set, before the response commits, so its
 * preload links are pushed to clients that take pushes
 * ({@code h2-push.push-from-link-headers}). The header itself reaches the client
 * unchanged. {@code Link} headers that the service adds as hints are not watched, so
 * nothing is offered twice.</li>
 * <li>When learning ({@code h2-push.learn.enabled}) and the interceptor marked the
 * request as a sample, the first bytes of the body are copied as they are written, and
 * a successful HTML response teaches {@link LearnedHints} its preload links and the
 * render-blocking resources of its head.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public class ResponseHintsFilter extends OncePerRequestFilter {

	private static final Set<String> DESTINATIONS = Set.of("audio", "document", "embed", "fetch", "font", "image",
			"object", "script", "style", "track", "video", "worker");

	private static final Set<String> FETCH_PRIORITIES = Set.of("high", "low", "auto");

	private final PushPromiseService pushPromiseService;

	private final boolean pushFromLinkHeaders;

	@Nullable
	private final LearnedHints learnedHints;

	private final int headBytes;

	/**
	 * Creates a filter that only pushes from {@code Link} headers.
	 * @param pushPromiseService the service that pushes the links
	 */
	public ResponseHintsFilter(PushPromiseService pushPromiseService) {
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
	public ResponseHintsFilter(PushPromiseService pushPromiseService, boolean pushFromLinkHeaders,
			@Nullable LearnedHints learnedHints, int headBytes) {
		this.pushPromiseService = pushPromiseService;
		this.pushFromLinkHeaders = pushFromLinkHeaders;
		this.learnedHints = learnedHints;
		this.headBytes = headBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		WatchingResponse watching = new WatchingResponse(request, response, this);
		filterChain.doFilter(request, watching);
		// an async request writes its body later, on another thread: not learned from
		if (this.learnedHints != null && watching.captured != null && !request.isAsyncStarted()) {
			Object key = request.getAttribute(LearnedHints.KEY_ATTRIBUTE);
			if (key instanceof String learnedKey && isSuccessfulHtml(watching)) {
				List<PreloadLink> links = linksOf(request, watching);
				List<PreloadLink> kept = this.learnedHints.learn(learnedKey, links);
				request.setAttribute(LearnedHints.LEARNED_ATTRIBUTE, kept.stream().map(PreloadLink::path).toList());
			}
		}
	}

	/**
	 * Adds a {@code Link} header value that h2-push itself writes as a hint, without
	 * pushing or learning from it.
	 * @param response the response, possibly wrapped by this filter
	 * @param value the header value
	 */
	public static void addOwnLink(HttpServletResponse response, String value) {
		WatchingResponse watching = WebUtils.getNativeResponse(response, WatchingResponse.class);
		if (watching == null) {
			response.addHeader(HttpHeaders.LINK, value);
			return;
		}
		watching.watching = false;
		try {
			response.addHeader(HttpHeaders.LINK, value);
			watching.ownLinks.add(value);
		}
		finally {
			watching.watching = true;
		}
	}

	private static boolean isSuccessfulHtml(HttpServletResponse response) {
		String contentType = response.getContentType();
		return response.getStatus() == HttpServletResponse.SC_OK && contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
	}

	// the application's preload links first, then what the head loads; same origin and valid only
	private static List<PreloadLink> linksOf(HttpServletRequest request, WatchingResponse response) {
		List<PreloadLink> links = new ArrayList<>();
		for (String value : response.linkValues) {
			for (LinkHeader.Link link : LinkHeader.parse(value)) {
				if (link.isPreload() && !link.isNoPush()) {
					add(links, request, link, link.parameter("as"), link.parameter("fetchpriority"));
				}
			}
		}
		for (DocumentHead.Resource resource : DocumentHead.resources(response.captured.text())) {
			add(links, request, new LinkHeader.Link(resource.target(), Map.of()), resource.as(), "");
		}
		return links;
	}

	private static void add(List<PreloadLink> links, HttpServletRequest request, LinkHeader.Link link, String as,
			String fetchPriority) {
		String path = link.sameOriginPath(request);
		// a query can carry one user's values (a token, an id): learned plans are offered to everyone
		if (path == null || path.indexOf('?') >= 0 || PushPathValidator.problemWith(path) != null) {
			return;
		}
		for (PreloadLink existing : links) {
			if (existing.path().equals(path)) {
				return;
			}
		}
		String destination = DESTINATIONS.contains(as) ? as : "";
		String priority = FETCH_PRIORITIES.contains(fetchPriority) ? fetchPriority : "";
		links.add(PreloadLink.of(path, destination, priority));
	}

	private static final class WatchingResponse extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		private final ResponseHintsFilter filter;

		private final List<String> linkValues = new ArrayList<>(0);

		// the hints h2-push added, kept when the application sets its own Link header
		private final List<String> ownLinks = new ArrayList<>(0);

		private boolean watching = true;

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
			boolean link = this.watching && HttpHeaders.LINK.equalsIgnoreCase(name);
			if (link) {
				this.linkValues.clear();
			}
			watch(name, value);
			super.setHeader(name, value);
			if (link) {
				this.ownLinks.forEach((own) -> super.addHeader(HttpHeaders.LINK, own));
			}
		}

		@Override
		public void reset() {
			super.reset();
			this.linkValues.clear();
			this.ownLinks.clear();
			this.captured = null;
		}

		@Override
		public void addHeader(String name, String value) {
			watch(name, value);
			super.addHeader(name, value);
		}

		private boolean isLink(String name, @Nullable String value) {
			return this.watching && value != null && HttpHeaders.LINK.equalsIgnoreCase(name);
		}

		private void watch(String name, String value) {
			if (!isLink(name, value)) {
				return;
			}
			if (this.filter.learnedHints != null) {
				this.linkValues.add(value);
			}
			if (this.filter.pushFromLinkHeaders && !isCommitted()) {
				// a hint the service adds for what it could not push must not come back here
				this.watching = false;
				try {
					this.filter.pushPromiseService.pushLinks(this.request, this, value);
				}
				finally {
					this.watching = true;
				}
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
					writer = new PrintWriter(new HeadCapture.CapturingWriter(writer, this.captured));
				}
				this.writer = writer;
			}
			return this.writer;
		}

	}

}
