package io.github.h2push.autoconfigure.boot4;

import io.github.h2push.actuate.RunningServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of what Spring Boot 4 needs of h2-push beyond the
 * auto-configuration both Boot lines share ({@code h2-push-spring-boot-autoconfigure}):
 * the running server's facts for the {@code h2push} Actuator endpoint, read when
 * Spring Boot 4's server has started.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "io.github.h2push.autoconfigure.H2PushEndpointAutoConfiguration")
@ConditionalOnClass({ WebServerInitializedEvent.class, RunningServer.class })
public class H2PushBoot4AutoConfiguration {

	@Bean
	static ApplicationListener<WebServerInitializedEvent> h2PushWebServerStartedListener(
			ObjectProvider<RunningServer> server) {
		return (event) -> {
			if (event.getApplicationContext().getServerNamespace() == null) {
				server.ifAvailable((running) -> running.started(event.getWebServer()));
			}
		};
	}

}
