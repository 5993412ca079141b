package io.github.h2push.bench.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The P3/P5 baseline: a Spring MVC app on Undertow with HTTP/2 and TLS configured by
 * Spring Boot alone, no h2-push.
 */
@SpringBootApplication
public class PlainApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlainApplication.class, args);
	}

}
