package io.github.h2push.web;

import java.util.List;

import io.github.h2push.PushPromiseService;
import io.github.h2push.engine.DefaultPushPromiseService;
import io.github.h2push.engine.OwnLinkHeaders;
import io.github.h2push.spi.PushChannel;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResponseHintsFilter}.
 */
class ResponseHintsFilterTests {

	private final ResponseHintsFilter filter = new ResponseHintsFilter(DefaultPushPromiseService.builder(List.of()).build());

	@Test
	void keepsItsOwnHintsWhenTheApplicationSetsALinkHeader() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) res;
				OwnLinkHeaders.add((jakarta.servlet.http.HttpServletRequest) req, http, "</css/site.css>; rel=preload; as=style");
				http.setHeader("Link", "</js/app.js>; rel=preload; as=script");
			}

		});
		assertThat(response.getHeaders("Link")).containsExactlyInAnyOrder("</js/app.js>; rel=preload; as=script",
				"</css/site.css>; rel=preload; as=style");
	}

	@Test
	void servesThePageWhenAnAccessPolicyFailsOnTheApplicationsLinkHeader() throws Exception {
		PushChannel channel = new PushChannel() {

			@Override
			public Refusal refusal() {
				return null;
			}

			@Override
			public Answer push(io.github.h2push.PushPromise promise) {
				return Answer.SENT;
			}

		};
		ResponseHintsFilter filter = new ResponseHintsFilter(DefaultPushPromiseService
			.builder(List.of((request) -> channel))
			.accessPolicies(List.of((request, path) -> {
				throw new IllegalStateException("no security context");
			}))
			.build());
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
					throws java.io.IOException {
				jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) res;
				http.setHeader("Link", "</js/app.js>; rel=preload; as=script");
				http.getWriter().write("page");
			}

		});
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeaders("Link")).containsExactly("</js/app.js>; rel=preload; as=script");
		assertThat(response.getContentAsString()).isEqualTo("page");
		assertThat(PushPromiseService.results(request)).noneMatch((result) -> result.isPushed());
	}

}
