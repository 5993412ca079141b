package io.github.h2push.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushOutcome;
import io.github.h2push.PushPromise;
import io.github.h2push.PushPromiseService;
import io.github.h2push.PushReason;
import io.github.h2push.PushResult;
import io.github.h2push.engine.DefaultPushPromiseService;
import io.github.h2push.engine.PushPlans;
import io.github.h2push.engine.PushRoutes;
import io.github.h2push.engine.ResponseTimes;
import io.github.h2push.spi.PushChannel;
import io.github.h2push.spi.PushTransport;
import org.junit.jupiter.api.Test;

import org.springframework.lang.Nullable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PushResourcesHandlerInterceptor}: which navigations get a
 * {@code 103 Early Hints}.
 */
class PushResourcesHandlerInterceptorTests {

	private final List<List<String>> earlyHints = new ArrayList<>();

	private final ResponseTimes responseTimes = new ResponseTimes(Duration.ofMillis(20), 10);

	private final PushResourcesHandlerInterceptor interceptor = new PushResourcesHandlerInterceptor(
			new PushPlans(null), PushRoutes.of(Map.of("/fast", List.of("/css/site.css"), "/slow",
					List.of("/css/site.css"))),
			DefaultPushPromiseService.builder(List.of(new HintingTransport())).build(), null, this.responseTimes);

	@Test
	void stopsSendingA103ToARouteThatAnswersAtOnceButKeepsItsLinkHeader() throws Exception {
		for (int i = 0; i < ResponseTimes.SAMPLES_BEFORE_DECIDING; i++) {
			assertThat(navigate("/fast", 0).earlyHinted()).as("navigation %d", i).isTrue();
		}
		Navigation next = navigate("/fast", 0);
		assertThat(next.earlyHinted()).isFalse();
		assertThat(next.outcome()).isEqualTo(PushOutcome.HINTED);
		assertThat(next.link()).isEqualTo("</css/site.css>; rel=preload; as=style");
	}

	@Test
	void keepsSendingA103ToARouteThatThinks() throws Exception {
		for (int i = 0; i < ResponseTimes.SAMPLES_BEFORE_DECIDING + 2; i++) {
			Navigation navigation = navigate("/slow", 25);
			assertThat(navigation.earlyHinted()).as("navigation %d", i).isTrue();
			assertThat(navigation.outcome()).isEqualTo(PushOutcome.EARLY_HINTED);
		}
		assertThat(this.responseTimes.describe().get("route /slow")).containsEntry("earlyHints", true);
	}

	@Test
	void measuresNavigationsOnly() throws Exception {
		for (int i = 0; i < 20; i++) {
			MockHttpServletRequest fetch = new MockHttpServletRequest("GET", "/fast");
			fetch.addHeader("Sec-Fetch-Mode", "cors");
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.interceptor.preHandle(fetch, response, new Object());
			this.interceptor.afterCompletion(fetch, response, new Object(), null);
		}
		assertThat(this.responseTimes.describe()).isEmpty();
		assertThat(navigate("/fast", 0).earlyHinted()).isTrue();
	}

	@Test
	void measuresARequestOnceThoughALaterDispatchCompletesItAgain() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fast");
		MockHttpServletResponse response = new MockHttpServletResponse();
		Object handler = new Object();
		this.interceptor.preHandle(request, response, handler);
		this.interceptor.afterCompletion(request, response, handler, null);
		// an error page's dispatch of the same request
		this.interceptor.afterCompletion(request, response, handler, null);
		assertThat(this.responseTimes.describe().get("route /fast")).containsEntry("samples", 1);
		navigate("/fast", 0);
		assertThat(this.responseTimes.describe().get("route /fast")).containsEntry("samples", 2);
	}

	private Navigation navigate(String path, long thinkMillis) throws Exception {
		int before = this.earlyHints.size();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		Object handler = new Object();
		this.interceptor.preHandle(request, response, handler);
		Thread.sleep(thinkMillis);
		this.interceptor.afterCompletion(request, response, handler, null);
		PushResult result = PushPromiseService.results(request).get(0);
		return new Navigation(this.earlyHints.size() > before, result.outcome(), response.getHeader("Link"));
	}

	private record Navigation(boolean earlyHinted, PushOutcome outcome, @Nullable String link) {
	}

	// a server that cannot push but sends a 103
	private final class HintingTransport implements PushTransport {

		@Override
		public PushChannel open(HttpServletRequest request, @Nullable HttpServletResponse response) {
			return new PushChannel() {

				@Override
				public Refusal refusal() {
					return new Refusal(PushReason.CLIENT_REFUSED, "push refused");
				}

				@Override
				public Answer push(PushPromise promise) {
					throw new AssertionError("cannot push");
				}

				@Override
				public boolean sendEarlyHints(List<String> links, boolean overHttp1) {
					PushResourcesHandlerInterceptorTests.this.earlyHints.add(List.copyOf(links));
					return true;
				}

			};
		}

	}

}
