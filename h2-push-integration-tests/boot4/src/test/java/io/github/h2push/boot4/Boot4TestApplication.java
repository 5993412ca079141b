package io.github.h2push.boot4;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushPromiseService;
import io.github.h2push.PushResources;
import io.github.h2push.PushResult;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Spring Boot 4 application as start.spring.io generates one, with h2-push: a page
 * that declares its resources, a page that pushes programmatically, and a filter that
 * sets a cookie and security headers before any controller runs.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(Boot4TestApplication.PageController.class)
public class Boot4TestApplication {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> earlyHeadersFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						response.addHeader("Set-Cookie", "SESSION=secret; Secure; HttpOnly");
						response.setHeader("Content-Security-Policy", "default-src 'self'");
						response.setHeader("X-Custom", "custom");
						chain.doFilter(request, response);
					}

				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@RestController
	static class PageController {

		private final PushPromiseService pushPromiseService;

		PageController(PushPromiseService pushPromiseService) {
			this.pushPromiseService = pushPromiseService;
		}

		@GetMapping(path = "/page", produces = MediaType.TEXT_HTML_VALUE)
		@PushResources({ "/css/site.css", "/js/app.js" })
		String page() {
			return "<!doctype html><link rel=stylesheet href=/css/site.css><script src=/js/app.js></script>";
		}

		// a page whose controller takes its time, as one that waits for a database does
		@GetMapping(path = "/thinking-page", produces = MediaType.TEXT_HTML_VALUE)
		@PushResources({ "/css/site.css", "/js/app.js" })
		String thinkingPage() throws InterruptedException {
			Thread.sleep(40);
			return page();
		}

		@GetMapping(path = "/programmatic", produces = MediaType.TEXT_PLAIN_VALUE)
		String programmatic() {
			PushResult result = this.pushPromiseService.push("/css/site.css");
			return result.outcome() + " " + result.reason();
		}

	}

}
