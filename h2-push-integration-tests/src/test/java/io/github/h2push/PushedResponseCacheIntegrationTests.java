package io.github.h2push;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import io.github.h2push.undertow.PushedResponseCache;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pushed responses replayed from memory, over real connections: a static resource the
 * application serves with {@code Cache-Control: max-age} runs the application once, then
 * is pushed from the {@link PushedResponseCache} on other connections, with an
 * {@code Age}; a response without a freshness lifetime runs the application on every
 * push.
 */
@SpringBootTest(classes = { PushTestApplication.class, PushedResponseCacheIntegrationTests.Counting.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.web.resources.cache.cachecontrol.max-age=1h")
class PushedResponseCacheIntegrationTests extends RunningServerTests {

	@Autowired
	PushedResponseCache cache;

	@Autowired
	Counting counting;

	@Test
	void runsTheApplicationOnceForAStorableResourceThenReplaysIt() {
		PushClient.Exchange first = PushClient.trusting(this.certificate).get(url("/page"));
		PushClient.Exchange second = PushClient.trusting(this.certificate).get(url("/page"));
		PushClient.Exchange third = PushClient.trusting(this.certificate).get(url("/page"));
		assertThat(first.pushedPaths()).containsExactly("/css/site.css", "/js/app.js");
		assertThat(third.pushedPaths()).containsExactly("/css/site.css", "/js/app.js");
		assertThat(this.counting.requests("/css/site.css")).isEqualTo(1);
		assertThat(this.counting.requests("/js/app.js")).isEqualTo(1);
		PushClient.PushedResponse ran = first.pushes().get(0);
		PushClient.PushedResponse replayed = third.pushes().get(0);
		assertThat(replayed.status()).isEqualTo(200);
		assertThat(replayed.body()).isEqualTo(ran.body()).isNotEmpty();
		assertThat(replayed.headers().getFirst("cache-control")).isEqualTo("max-age=3600");
		assertThat(replayed.headers().getFirst("content-type")).isEqualTo(ran.headers().getFirst("content-type"));
		assertThat(replayed.headers().getFirst("age")).isNotNull();
		assertThat(ran.headers().getFirst("age")).isNull();
		assertThat(second.pushes()).allSatisfy((pushed) -> assertThat(pushed.status()).isEqualTo(200));
		assertThat(this.cache.describe()).containsEntry("hits", 4L).containsEntry("responses", 2);
	}

	@Test
	void replaysResponsesNghttpAcceptsAsValid() throws Exception {
		Nghttp.run("-nv", url("/page"));
		String replayed = Nghttp.run("-nv", url("/page"));
		assertThat(replayed).contains("PUSH_PROMISE").doesNotContain("INVALID").doesNotContain("RST_STREAM");
		assertThat(replayed).contains("recv (stream_id=2) :status: 200").contains("recv (stream_id=2) age: ");
	}

	@Test
	void runsTheApplicationOnEveryPushOfAResponseWithoutAFreshnessLifetime() {
		for (int i = 0; i < 3; i++) {
			PushClient.Exchange page = PushClient.trusting(this.certificate).get(url("/big-page"));
			assertThat(page.pushedPaths()).containsExactly("/big.txt");
			assertThat(page.pushes().get(0).headers().getFirst("age")).isNull();
		}
		assertThat(this.counting.requests("/big.txt")).isEqualTo(3);
	}

	/**
	 * Counts the requests that reach the application, by path.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

		@Bean
		FilterRegistrationBean<Filter> countingFilter() {
			return new FilterRegistrationBean<>((request, response, chain) -> {
				this.requests.computeIfAbsent(((HttpServletRequest) request).getRequestURI(),
						(path) -> new AtomicInteger()).incrementAndGet();
				chain.doFilter(request, response);
			});
		}

		int requests(String path) {
			AtomicInteger count = this.requests.get(path);
			return (count != null) ? count.get() : 0;
		}

	}

}
