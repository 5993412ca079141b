package io.github.h2push.bench.boot4;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot 4 benchmarks' app: Spring MVC on Tomcat 11 with HTTP/2 and TLS
 * configured by Spring Boot alone. Its code knows nothing of h2-push; packaged with the
 * Boot 4 starter's jars, the typical page's hints are declared in configuration
 * ({@code h2-push.routes}), which the harness passes.
 */
@SpringBootApplication
public class Boot4BenchApplication {

	public static void main(String[] args) {
		SpringApplication.run(Boot4BenchApplication.class, args);
	}

}
