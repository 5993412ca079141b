package io.github.h2push.boot4;

import io.github.h2push.PushPromiseService;
import io.github.h2push.engine.DisabledPushPromiseService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Spring Boot 4 too, {@code h2-push.enabled=false} says at startup that h2-push is
 * off, and the application's controllers that push programmatically start with a
 * service that pushes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class DisabledTests {

	@Test
	void saysThatH2PushIsOffAndStartsControllersThatPush(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Boot4TestApplication.class,
				TomcatEarlyHintsTests.TomcatServer.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "h2-push.enabled=false")
			.run()) {
			assertThat(output).containsOnlyOnce("h2-push.enabled=false: h2-push is off, so nothing is pushed");
			assertThat(context.getBean(PushPromiseService.class)).isInstanceOf(DisabledPushPromiseService.class);
		}
	}

}
