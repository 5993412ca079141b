package io.github.h2push.support;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.github.h2push.PushPromiseService;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Watches what a response says about the resources its page needs first: each
 * {@code Link} header the application sets, from a controller, a
 * {@code ResponseEntity}, a filter further down the chain or a view, is handed to
 * {@link PushPromiseService#pushLinks} as it is set, before the response commits, so
 * its preload links are pushed to clients that take pushes
 * ({@code h2-push.push-from-link-headers}).
 * <p>
 * The header itself reaches the client unchanged. {@code Link} headers that the
 * service adds as hints are not watched, so nothing is offered twice.
 *
 * @since 0.1.0
 */
public class ResponseHintsFilter extends OncePerRequestFilter {

	private final PushPromiseService pushPromiseService;

	/**
	 * Creates the filter.
	 * @param pushPromiseService the service that pushes the links
	 */
	public ResponseHintsFilter(PushPromiseService pushPromiseService) {
		this.pushPromiseService = pushPromiseService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		filterChain.doFilter(request, new LinkWatchingResponse(request, response, this.pushPromiseService));
	}

	/**
	 * Adds a {@code Link} header value that h2-push itself writes as a hint, without
	 * pushing from it.
	 * @param response the response, possibly wrapped by this filter
	 * @param value the header value
	 */
	public static void addOwnLink(HttpServletResponse response, String value) {
		LinkWatchingResponse watching = WebUtils.getNativeResponse(response, LinkWatchingResponse.class);
		if (watching == null) {
			response.addHeader(HttpHeaders.LINK, value);
			return;
		}
		watching.watching = false;
		try {
			response.addHeader(HttpHeaders.LINK, value);
		}
		finally {
			watching.watching = true;
		}
	}

	private static final class LinkWatchingResponse extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		private final PushPromiseService pushPromiseService;

		private boolean watching = true;

		LinkWatchingResponse(HttpServletRequest request, HttpServletResponse response,
				PushPromiseService pushPromiseService) {
			super(response);
			this.request = request;
			this.pushPromiseService = pushPromiseService;
		}

		@Override
		public void setHeader(String name, String value) {
			watch(name, value);
			super.setHeader(name, value);
		}

		@Override
		public void addHeader(String name, String value) {
			watch(name, value);
			super.addHeader(name, value);
		}

		private void watch(String name, String value) {
			if (this.watching && value != null && HttpHeaders.LINK.equalsIgnoreCase(name) && !isCommitted()) {
				// a hint the service adds for what it could not push must not come back here
				this.watching = false;
				try {
					this.pushPromiseService.pushLinks(this.request, this, value);
				}
				finally {
					this.watching = true;
				}
			}
		}

	}

}
