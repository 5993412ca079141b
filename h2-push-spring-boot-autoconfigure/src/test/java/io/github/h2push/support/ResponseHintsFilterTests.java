package io.github.h2push.support;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.h2push.PushPromiseService;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResponseHintsFilter}.
 */
class ResponseHintsFilterTests {

	private final ResponseHintsFilter filter = new ResponseHintsFilter(PushPromiseService.builder(List.of()).build());

	@Test
	void keepsItsOwnHintsWhenTheApplicationSetsALinkHeader() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse res) {
				jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) res;
				ResponseHintsFilter.addOwnLink(http, "</css/site.css>; rel=preload; as=style");
				http.setHeader("Link", "</js/app.js>; rel=preload; as=script");
			}

		});
		assertThat(response.getHeaders("Link")).containsExactlyInAnyOrder("</js/app.js>; rel=preload; as=script",
				"</css/site.css>; rel=preload; as=style");
	}

}
