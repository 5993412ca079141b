package io.github.h2push.test;

import java.util.List;

import io.github.h2push.engine.DefaultPushPromiseService;
import io.github.h2push.engine.PushPlans;
import io.github.h2push.engine.PushRoutes;
import io.github.h2push.web.PushResourcesHandlerInterceptor;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcConfigurer;
import org.springframework.test.web.servlet.setup.MockMvcConfigurerAdapter;
import org.springframework.test.web.servlet.setup.StandaloneMockMvcBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@link MockMvcConfigurer}s that capture pushes in MockMvc set up by hand.
 * {@code @WebMvcTest} and {@code @AutoConfigureMockMvc} need none of this: h2-push is
 * part of those test slices.
 *
 * <pre class="code">
 * MockMvc mvc = MockMvcBuilders.standaloneSetup(new HomeController())
 *     .apply(PushMockMvcConfigurers.capturePushes())
 *     .build();
 * </pre>
 *
 * @since 0.1.0
 */
public final class PushMockMvcConfigurers {

	private PushMockMvcConfigurers() {
	}

	/**
	 * Captures pushes with the default header allowlist and limits. With
	 * {@code standaloneSetup} it adds the {@code @PushResources} interceptor; with
	 * {@code webAppContextSetup} it checks that the context has h2-push's
	 * auto-configuration.
	 * @return the configurer
	 */
	public static MockMvcConfigurer capturePushes() {
		return capturePushes(capturingPushPromiseService());
	}

	/**
	 * Captures pushes made through the given service (with {@code standaloneSetup}, pass
	 * the same service to the controllers that push programmatically).
	 * @param service a service built with {@link #capturingPushPromiseService()} or
	 * with a {@link MockPushTransport}
	 * @return the configurer
	 */
	public static MockMvcConfigurer capturePushes(DefaultPushPromiseService service) {
		return new CapturePushesConfigurer(service);
	}

	/**
	 * A service that captures pushes for MockMvc requests, with the default header
	 * allowlist and limits, for controllers set up standalone.
	 * @return the service
	 */
	public static DefaultPushPromiseService capturingPushPromiseService() {
		return DefaultPushPromiseService.builder(List.of(new MockPushTransport())).build();
	}

	private static final class CapturePushesConfigurer extends MockMvcConfigurerAdapter {

		private final DefaultPushPromiseService service;

		CapturePushesConfigurer(DefaultPushPromiseService service) {
			this.service = service;
		}

		@Override
		public void afterConfigurerAdded(ConfigurableMockMvcBuilder<?> builder) {
			if (builder instanceof StandaloneMockMvcBuilder standalone) {
				standalone.addInterceptors(new PushResourcesHandlerInterceptor(
						new PushPlans(new StandardEnvironment()::resolveRequiredPlaceholders), PushRoutes.NONE,
						this.service));
			}
		}

		@Override
		public RequestPostProcessor beforeMockMvcCreated(ConfigurableMockMvcBuilder<?> builder,
				WebApplicationContext context) {
			if (!(builder instanceof StandaloneMockMvcBuilder)
					&& context.getBeanNamesForType(PushResourcesHandlerInterceptor.class).length == 0) {
				throw new IllegalStateException("h2-push is not configured in this application context: add "
						+ "@ImportAutoConfiguration(H2PushAutoConfiguration.class), or use standaloneSetup(...)");
			}
			return null;
		}

	}

}
