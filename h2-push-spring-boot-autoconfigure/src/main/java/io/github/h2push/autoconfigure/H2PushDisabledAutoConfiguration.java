package io.github.h2push.autoconfigure;

import io.github.h2push.PushPromiseService;
import io.github.h2push.engine.DisabledPushPromiseService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of a servlet web application that turned h2-push off
 * ({@code h2-push.enabled=false}), on both Spring Boot lines and in {@code @WebMvcTest}
 * slices:
 * <ul>
 * <li>one INFO line says that h2-push is off and what that leaves out, so a test that
 * expects pushes learns why there are none;</li>
 * <li>a {@link PushPromiseService} that pushes and hints nothing
 * ({@link DisabledPushPromiseService}), unless the application has one, so that its
 * controllers that inject the service still start.</li>
 * </ul>
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "h2-push.enabled", havingValue = false)
public class H2PushDisabledAutoConfiguration {

	private static final Log logger = LogFactory.getLog(H2PushDisabledAutoConfiguration.class);

	@Bean
	static SmartInitializingSingleton h2PushDisabledNotice() {
		return () -> logger.info("h2-push.enabled=false: h2-push is off, so nothing is pushed, no 103 Early "
				+ "Hints or preload Link headers are sent, and the server, its TLS and HTTP/2 are as Spring Boot "
				+ "configures them (no development certificate)");
	}

	@Bean
	@ConditionalOnMissingBean
	PushPromiseService pushPromiseService() {
		return new DisabledPushPromiseService();
	}

}
