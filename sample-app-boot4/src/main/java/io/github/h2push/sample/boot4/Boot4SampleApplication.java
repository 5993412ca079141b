package io.github.h2push.sample.boot4;

import java.time.Duration;

import io.github.h2push.PushResources;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sample's Early Hints page on Spring Boot 4 and Tomcat 11: HTTP/2 over TLS with
 * the development certificate, and a {@code 103 Early Hints} for what the page declares.
 */
@SpringBootApplication
public class Boot4SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(Boot4SampleApplication.class, args);
	}

	/**
	 * A page whose controller takes a while, as one that queries a database does: its
	 * declared resources are on their way while it works.
	 */
	@Controller
	static class ThinkController {

		static final Duration THINK_TIME = Duration.ofMillis(150);

		@GetMapping({ "/", "/think" })
		@PushResources({ "/css/site.css", "/js/app.js", "/fonts/body.woff2" })
		String think() throws InterruptedException {
			Thread.sleep(THINK_TIME.toMillis());
			return "think";
		}

	}

}
