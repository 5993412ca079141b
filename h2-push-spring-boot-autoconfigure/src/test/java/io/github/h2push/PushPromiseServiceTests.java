package io.github.h2push;

import java.util.List;

import io.github.h2push.test.MockPushTransport;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link PushPromiseService}.
 */
class PushPromiseServiceTests {

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final PushPromiseService service = service(10, true);

	@AfterEach
	void resetRequestContext() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void pushesWithTheAllowlistedHeadersAndRecordsTheResult() {
		this.request.addHeader("Accept", "text/css");
		this.request.addHeader("Authorization", "Bearer secret");
		PushResult result = this.service.push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.PUSHED);
		assertThat(result.promise().path()).isEqualTo("/css/site.css");
		assertThat(result.promise().headers().toSingleValueMap()).containsExactly(entry("accept", "text/css"));
		assertThat(PushPromiseService.results(this.request)).containsExactly(result);
		assertThat(this.response.getHeaders("Link")).isEmpty();
	}

	@Test
	void pushesForTheCurrentRequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.request, this.response));
		assertThat(this.service.push("/js/app.js").isPushed()).isTrue();
		assertThat(this.service.push(this.request, "/css/site.css").isPushed()).isTrue();
		assertThat(PushPromiseService.results(this.request)).extracting(PushResult::path)
			.containsExactly("/js/app.js", "/css/site.css");
	}

	@Test
	void failsWithoutACurrentRequest() {
		assertThatIllegalStateException().isThrownBy(() -> this.service.push("/css/site.css"))
			.withMessageContaining("No current servlet request");
	}

	@Test
	void hintsWhenTheClientRefusesPush() {
		this.request.addHeader(MockPushTransport.DISABLE_PUSH_HEADER, "1");
		PushResult result = this.service.push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.HINTED);
		assertThat(result.promise()).isNull();
		assertThat(result.reason()).contains("refused push");
		assertThat(this.response.getHeaders("Link")).containsExactly("</css/site.css>; rel=preload; as=style");
	}

	@Test
	void hintsBeyondTheLimit() {
		PushPromiseService service = service(1, true);
		service.push(this.request, this.response, "/css/site.css");
		PushResult second = service.push(this.request, this.response, "/js/app.js");
		assertThat(second.outcome()).isEqualTo(PushOutcome.LIMITED);
		assertThat(second.reason()).contains("max-pushes-per-request (1)");
		assertThat(this.response.getHeaders("Link")).containsExactly("</js/app.js>; rel=preload; as=script");
	}

	@Test
	void hintsWithoutATransportForTheRequest() {
		PushPromiseService service = PushPromiseService.builder(List.of()).build();
		assertThat(service.push(this.request, this.response, "/css/site.css").outcome())
			.isEqualTo(PushOutcome.HINTED);
	}

	@Test
	void hintsWhenTheServerCannotPush() {
		PushTransport full = new MockPushTransport() {

			@Override
			public boolean push(HttpServletRequest request, PushPromise promise) {
				return false;
			}

		};
		PushPromiseService service = PushPromiseService.builder(List.of(full)).build();
		PushResult result = service.push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.LIMITED);
		assertThat(result.reason()).contains("could not push");
	}

	@Test
	void skipsWhenPreloadLinksAreOff() {
		this.request.addHeader(MockPushTransport.DISABLE_PUSH_HEADER, "1");
		PushResult result = service(10, false).push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.SKIPPED);
		assertThat(this.response.getHeaders("Link")).isEmpty();
	}

	@Test
	void skipsWhenTheResponseIsCommitted() {
		this.request.addHeader(MockPushTransport.DISABLE_PUSH_HEADER, "1");
		this.response.setCommitted(true);
		PushResult result = this.service.push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.SKIPPED);
		assertThat(result.reason()).contains("no uncommitted response");
	}

	@Test
	void rejectsBadPathsAndRecordsWhy() {
		PushResult result = this.service.push(this.request, this.response, "/a\r\nSet-Cookie: x=y");
		assertThat(result.outcome()).isEqualTo(PushOutcome.REJECTED);
		assertThat(result.reason()).isEqualTo("path contains a control character (CR) at index 2");
		assertThat(this.response.getHeaderNames()).isEmpty();
		assertThat(PushPromiseService.results(this.request)).containsExactly(result);
	}

	private static PushPromiseService service(int max, boolean preloadLinks) {
		return PushPromiseService.builder(List.of(new MockPushTransport()))
			.maxPushesPerRequest(max)
			.preloadLinks(preloadLinks)
			.build();
	}

}
