package io.github.h2push.boot4;

import java.util.List;

import io.github.h2push.PushPromiseService;
import io.github.h2push.engine.DefaultPushPromiseService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Spring Boot 4 too, {@code h2-push.enabled=false} says at startup that h2-push is
 * off.
 */
@ExtendWith(OutputCaptureExtension.class)
class DisabledTests {

	@Test
	void saysThatH2PushIsOff(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Boot4TestApplication.class,
				TomcatEarlyHintsTests.TomcatServer.class, OwnService.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "h2-push.enabled=false")
			.run()) {
			assertThat(output).containsOnlyOnce("h2-push.enabled=false: h2-push is off, so nothing is pushed");
		}
	}

	// the application's controllers push programmatically, so they need a service of their own
	@Configuration(proxyBeanMethods = false)
	static class OwnService {

		@Bean
		PushPromiseService pushPromiseService() {
			return DefaultPushPromiseService.builder(List.of()).build();
		}

	}

}
