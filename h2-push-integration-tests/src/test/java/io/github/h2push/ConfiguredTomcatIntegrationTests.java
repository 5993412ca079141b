package io.github.h2push;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 3.5 application with the starter that keeps Tomcat and configures it
 * with a {@code server.tomcat.*} property: Tomcat 10.1 serves it, over TLS with the
 * development certificate and HTTP/2, and sends a {@code 103 Early Hints} carrying only
 * the declared {@code Link} headers ahead of the final response.
 */
@SpringBootTest(classes = ConfiguredTomcatIntegrationTests.TomcatApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.tomcat.threads.max=50")
@ExtendWith(OutputCaptureExtension.class)
class ConfiguredTomcatIntegrationTests {

	private static final String CSS_LINK = "link: </css/site.css>; rel=preload; as=style";

	private static final String JS_LINK = "link: </js/app.js>; rel=preload; as=script";

	@LocalServerPort
	int port;

	@Autowired
	ServletWebServerApplicationContext context;

	@Test
	void servesOnTomcatWithA103CarryingOnlyTheLinkHeaders(CapturedOutput output) throws Exception {
		assertThat(this.context.getWebServer()).isInstanceOf(TomcatWebServer.class);
		String frames = Nghttp.run("-nv", "--no-push", "https://127.0.0.1:" + this.port + "/page");
		List<Map<String, String>> responses = Nghttp.responseHeaders(frames);
		assertThat(responses).extracting((headers) -> headers.get(":status")).containsExactly("103", "200");
		assertThat(responses.get(0).keySet()).containsOnly(":status", "link");
		String earlyHints = frames.substring(frames.indexOf(":status: 103"), frames.indexOf(":status: 200"));
		assertThat(earlyHints).contains(CSS_LINK).contains(JS_LINK);
		assertThat(responses.get(1)).containsEntry("set-cookie", "SESSION=secret; Secure; HttpOnly")
			.containsKey("link");
		assertThat(output).containsOnlyOnce("This application configures Tomcat, so Tomcat serves it rather than "
				+ "Undertow: pages get 103 Early Hints and preload Link headers, but no server push, which needs "
				+ "Undertow. What configures it: property 'server.tomcat.threads.max'");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(PageController.class)
	static class TomcatApplication {

		// before any controller runs, as a session or security filter would
		@Bean
		FilterRegistrationBean<OncePerRequestFilter> sessionCookieFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {

						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							response.addHeader("Set-Cookie", "SESSION=secret; Secure; HttpOnly");
							chain.doFilter(request, response);
						}

					});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	@RestController
	static class PageController {

		@GetMapping(path = "/page", produces = MediaType.TEXT_HTML_VALUE)
		@PushResources({ "/css/site.css", "/js/app.js" })
		String page() {
			return "<!doctype html><link rel=stylesheet href=/css/site.css><script src=/js/app.js></script>";
		}

	}

}
