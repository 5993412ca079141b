package io.github.h2push.autoconfigure;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.h2push.undertow.Http2FrameOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConverterNotFoundException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RenamedPropertiesEnvironmentPostProcessor}: old and new names of the
 * renamed properties, each alone and both at once.
 */
@ExtendWith(OutputCaptureExtension.class)
class RenamedPropertiesEnvironmentPostProcessorTests {

	private static final DeferredLogFactory LOGS = Supplier::get;

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(H2PushAutoConfiguration.class))
		.withInitializer((context) -> new RenamedPropertiesEnvironmentPostProcessor(LOGS)
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()));

	@Test
	void bindsTheNewNames() {
		this.contextRunner
			.withPropertyValues("h2-push.early-hints.enabled=false", "h2-push.early-hints.over-http1=true",
					"h2-push.html-first.enabled=false", "h2-push.connection.max-pushed-responses-in-flight=3",
					"h2-push.connection.pushed-response-timeout=4s", "h2-push.connection.max-client-resets=5",
					"h2-push.connection.client-reset-window=6s", "h2-push.connection.write-timeout=7s")
			.run((context) -> {
				assertChanged(context.getBean(H2PushProperties.class));
				assertThat(context).doesNotHaveBean(Http2FrameOrder.class);
			});
	}

	@Test
	void bindsTheOldNamesAsTheirReplacements() {
		this.contextRunner
			.withPropertyValues("h2-push.early-hints=false", "h2-push.early-hints-over-http1=true",
					"h2-push.html-first=false", "h2-push.max-pushed-responses-in-flight-per-connection=3",
					"h2-push.pushed-response-timeout=4s", "h2-push.max-client-resets=5",
					"h2-push.client-reset-window=6s", "h2-push.write-timeout=7s")
			.run((context) -> {
				assertChanged(context.getBean(H2PushProperties.class));
				assertThat(context).doesNotHaveBean(Http2FrameOrder.class);
			});
	}

	@Test
	void bindsTheOldNamesInAnySpellingBootAccepts() {
		this.contextRunner.withPropertyValues("h2-push.earlyHints=false", "h2-push.htmlFirst=false")
			.run((context) -> {
				assertThat(context.getBean(H2PushProperties.class).getEarlyHints().isEnabled()).isFalse();
				assertThat(context).doesNotHaveBean(Http2FrameOrder.class);
			});
	}

	@Test
	void prefersTheNewNameWhenBothAreSet(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("h2-push.early-hints=false", "h2-push.early-hints.enabled=true",
					"h2-push.html-first=false", "h2-push.html-first.enabled=true", "h2-push.write-timeout=5s",
					"h2-push.connection.write-timeout=7s")
			.run((context) -> {
				H2PushProperties properties = context.getBean(H2PushProperties.class);
				assertThat(properties.getEarlyHints().isEnabled()).isTrue();
				assertThat(properties.getConnection().getWriteTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(context).hasSingleBean(Http2FrameOrder.class);
			});
		assertThat(output).contains("Property 'h2-push.early-hints'")
			.contains("is deprecated and ignored: its replacement 'h2-push.early-hints.enabled' is set too");
	}

	@Test
	void mixesOldAndNewNamesOfOneGroup() {
		this.contextRunner.withPropertyValues("h2-push.early-hints=false", "h2-push.early-hints.over-http1=true")
			.run((context) -> {
				EarlyHintsProperties earlyHints = context.getBean(H2PushProperties.class).getEarlyHints();
				assertThat(earlyHints.isEnabled()).isFalse();
				assertThat(earlyHints.isOverHttp1()).isTrue();
			});
	}

	@Test
	void failsOnABadOldValueNamingTheNewProperty() {
		this.contextRunner.withPropertyValues("h2-push.max-client-resets=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("h2-push.connection.max-client-resets must not be negative"));
	}

	@Test
	void warnsOnceNamingTheReplacement(CapturedOutput output) {
		MockEnvironment environment = new MockEnvironment().withProperty("h2-push.early-hints", "false");
		RenamedPropertiesEnvironmentPostProcessor postProcessor = new RenamedPropertiesEnvironmentPostProcessor(LOGS);
		postProcessor.postProcessEnvironment(environment, new SpringApplication());
		postProcessor.postProcessEnvironment(environment, new SpringApplication());
		String warning = "Property 'h2-push.early-hints' (\"h2-push.early-hints\" from property source "
				+ "\"mockProperties\") is deprecated: use 'h2-push.early-hints.enabled' instead";
		assertThat(output).containsOnlyOnce(warning);
		assertThat(output.toString().lines().filter((line) -> line.contains(warning)))
			.allMatch((line) -> line.contains("WARN"));
		assertThat(environment.getProperty("h2-push.early-hints.enabled")).isEqualTo("false");
	}

	@Test
	void leavesAnEnvironmentWithoutOldNamesAsItIs(CapturedOutput output) {
		ConfigurableEnvironment environment = new MockEnvironment().withProperty("h2-push.early-hints.enabled",
				"false");
		new RenamedPropertiesEnvironmentPostProcessor(LOGS).postProcessEnvironment(environment,
				new SpringApplication());
		assertThat(environment.getPropertySources()
			.contains(RenamedPropertiesEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		assertThat(output).doesNotContain("deprecated");
	}

	// why the post-processor exists: Boot's binder cannot make a group of a scalar
	@Test
	void anOldScalarAloneCannotBeBoundWithoutIt() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(H2PushAutoConfiguration.class))
			.withPropertyValues("h2-push.early-hints=false")
			.run((context) -> assertThat(context).getFailure()
				.hasRootCauseInstanceOf(ConverterNotFoundException.class)
				.hasStackTraceContaining(BindException.class.getName()));
	}

	@Test
	void isRegisteredWithSpringBoot() {
		SpringApplication application = new SpringApplication(EmptyConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--h2-push.html-first=false")) {
			assertThat(context.getEnvironment().getProperty("h2-push.html-first.enabled")).isEqualTo("false");
		}
	}

	private static void assertChanged(H2PushProperties properties) {
		assertThat(properties.getEarlyHints().isEnabled()).isFalse();
		assertThat(properties.getEarlyHints().isOverHttp1()).isTrue();
		assertThat(properties.getHtmlFirst().isEnabled()).isFalse();
		ConnectionProperties connection = properties.getConnection();
		assertThat(connection.getMaxPushedResponsesInFlight()).isEqualTo(3);
		assertThat(connection.getPushedResponseTimeout()).isEqualTo(Duration.ofSeconds(4));
		assertThat(connection.getMaxClientResets()).isEqualTo(5);
		assertThat(connection.getClientResetWindow()).isEqualTo(Duration.ofSeconds(6));
		assertThat(connection.getWriteTimeout()).isEqualTo(Duration.ofSeconds(7));
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
