package io.github.h2push.test;

import io.github.h2push.autoconfigure.H2PushAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.ClassUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that makes MockMvc requests capture pushes: registers a
 * {@link MockPushTransport} beside the server's transport. Part of the
 * {@code @WebMvcTest} and {@code @AutoConfigureMockMvc} slices, and of any application
 * context that has this module on its class path.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = H2PushAutoConfiguration.class)
@ConditionalOnClass(MockHttpServletRequest.class)
public class H2PushTestAutoConfiguration {

	// plays the application's server: Undertow pushes, Tomcat and Jetty only hint
	@Bean
	@ConditionalOnMissingBean
	MockPushTransport mockPushTransport(ResourceLoader resourceLoader) {
		return ClassUtils.isPresent("io.undertow.Undertow", resourceLoader.getClassLoader()) ? new MockPushTransport()
				: MockPushTransport.hintsOnly();
	}

}
