package io.github.h2push.engine;

import io.github.h2push.PushOutcome;
import io.github.h2push.PushPromiseService;
import io.github.h2push.PushReason;
import io.github.h2push.PushResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DisabledPushPromiseServiceTests {

	private final PushPromiseService service = new DisabledPushPromiseService();

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@AfterEach
	void clearRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void pushesAndHintsNothingAndSaysWhy() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.request, this.response));
		PushResult[] results = { this.service.push("/css/site.css"), this.service.push("/api/orders", "fetch"),
				this.service.push(this.request, "/css/site.css"),
				this.service.push(this.request, this.response, "/css/site.css"),
				this.service.push(this.request, this.response, "/fonts/body.woff2", "font") };
		assertThat(results).allSatisfy((result) -> {
			assertThat(result.outcome()).isEqualTo(PushOutcome.SKIPPED);
			assertThat(result.reason()).isEqualTo(PushReason.UNAVAILABLE);
			assertThat(result.detail()).isEqualTo("h2-push is disabled (h2-push.enabled=false)");
			assertThat(result.promise()).isNull();
		});
		assertThat(results[1].path()).isEqualTo("/api/orders");
		assertThat(this.response.getHeaders("Link")).isEmpty();
		assertThat(PushPromiseService.results(this.request)).isEmpty();
	}

	@Test
	void rejectsWhatTheEnabledServiceRejects() {
		assertThatIllegalStateException().isThrownBy(() -> this.service.push("/css/site.css"))
			.withMessageContaining("No current servlet request");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.service.push(this.request, this.response, "/x", "stylesheet"))
			.withMessageContaining("'stylesheet' is not a preload destination");
	}

}
