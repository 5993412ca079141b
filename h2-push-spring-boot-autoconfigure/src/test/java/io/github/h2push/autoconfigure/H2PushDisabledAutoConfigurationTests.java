package io.github.h2push.autoconfigure;

import java.util.List;

import io.github.h2push.PushPromiseService;
import io.github.h2push.engine.DefaultPushPromiseService;
import io.github.h2push.engine.DisabledPushPromiseService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link H2PushDisabledAutoConfiguration}, together with
 * {@link H2PushAutoConfiguration} as applications get them.
 */
class H2PushDisabledAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(H2PushAutoConfiguration.class, H2PushDisabledAutoConfiguration.class));

	@Test
	void givesControllersAServiceThatPushesNothingWhenDisabled() {
		this.contextRunner.withPropertyValues("h2-push.enabled=false")
			.withUserConfiguration(PushingController.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(PushPromiseService.class);
				assertThat(context.getBean(PushPromiseService.class)).isInstanceOf(DisabledPushPromiseService.class);
				assertThat(context.getBean(PushingController.class).service)
					.isSameAs(context.getBean(PushPromiseService.class));
			});
	}

	@Test
	void keepsTheApplicationsOwnServiceWhenDisabled() {
		this.contextRunner.withPropertyValues("h2-push.enabled=false")
			.withUserConfiguration(OwnService.class)
			.run((context) -> assertThat(context).getBean(PushPromiseService.class)
				.isSameAs(context.getBean(OwnService.class).service));
	}

	@Test
	void staysOutWhileEnabled() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(PushPromiseService.class)
			.doesNotHaveBean(DisabledPushPromiseService.class)
			.doesNotHaveBean("h2PushDisabledNotice"));
	}

	@Test
	void staysOutOfApplicationsThatAreNotWebApplications() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(H2PushDisabledAutoConfiguration.class))
			.withPropertyValues("h2-push.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PushPromiseService.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class PushingController {

		final PushPromiseService service;

		PushingController(PushPromiseService service) {
			this.service = service;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnService {

		final PushPromiseService service = DefaultPushPromiseService.builder(List.of()).build();

		@Bean
		PushPromiseService pushPromiseService() {
			return this.service;
		}

	}

}
