package io.github.h2push.test;

import io.github.h2push.autoconfigure.H2PushAutoConfiguration;
import io.github.h2push.engine.ResponseTimes;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.ClassUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that makes MockMvc requests capture pushes: registers a
 * {@link MockPushTransport} beside the server's transport, and, where no server runs,
 * sends every route its {@code 103 Early Hints} whatever its response time. Part of the
 * {@code @WebMvcTest} and {@code @AutoConfigureMockMvc} slices, and of any application
 * context that has this module on its class path.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = H2PushAutoConfiguration.class)
@ConditionalOnClass(MockHttpServletRequest.class)
public class H2PushTestAutoConfiguration {

	// MockMvc requests assert what the application declares, whatever a route's speed
	@Bean
	@ConditionalOnMissingBean
	@Conditional(NoWebServerCondition.class)
	ResponseTimes responseTimes() {
		return ResponseTimes.always();
	}

	// plays the application's server: Undertow pushes, Tomcat and Jetty only hint
	@Bean
	@ConditionalOnMissingBean
	MockPushTransport mockPushTransport(ResourceLoader resourceLoader) {
		return ClassUtils.isPresent("io.undertow.Undertow", resourceLoader.getClassLoader()) ? new MockPushTransport()
				: MockPushTransport.hintsOnly();
	}

	/**
	 * Matches an application context that runs no server ({@code @WebMvcTest}, a mock
	 * web environment), on Spring Boot 3.5 and 4.
	 */
	static final class NoWebServerCondition extends SpringBootCondition {

		private static final String[] WEB_SERVER_CONTEXTS = {
				"org.springframework.boot.web.context.WebServerApplicationContext",
				"org.springframework.boot.web.server.context.WebServerApplicationContext" };

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Object loader = context.getResourceLoader();
			for (String name : WEB_SERVER_CONTEXTS) {
				if (ClassUtils.isPresent(name, context.getClassLoader())
						&& ClassUtils.resolveClassName(name, context.getClassLoader()).isInstance(loader)) {
					return ConditionOutcome.noMatch("the application context runs a web server");
				}
			}
			return ConditionOutcome.match("the application context runs no web server");
		}

	}

}
