package io.github.h2push.autoconfigure;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import io.github.h2push.PushPromiseService;
import io.github.h2push.actuate.H2PushEndpoint;
import io.github.h2push.actuate.PushMetrics;
import io.github.h2push.actuate.RunningServer;
import io.github.h2push.engine.DefaultPushPromiseService;
import io.github.h2push.engine.LearnedHints;
import io.github.h2push.engine.PushPlans;
import io.github.h2push.engine.PushRoutes;
import io.github.h2push.engine.PushStatistics;
import io.github.h2push.security.SecurityPushAccessPolicy;
import io.github.h2push.tomcat.TomcatEarlyHintsTransport;
import io.github.h2push.undertow.Http2ConnectionLimits;
import io.github.h2push.undertow.Http2FrameOrder;
import io.github.h2push.undertow.PlainHttpOnTlsPort;
import io.github.h2push.undertow.PushedResponseGuard;
import io.github.h2push.undertow.UndertowBufferPoolCustomizer;
import io.github.h2push.undertow.UndertowHandlerChainCustomizer;
import io.github.h2push.undertow.UndertowHttp2Customizer;
import io.github.h2push.undertow.UndertowMaxConcurrentStreamsCustomizer;
import io.github.h2push.undertow.UndertowPushTransport;
import io.github.h2push.undertow.UndertowResetFrameLimitCustomizer;
import io.github.h2push.undertow.UndertowWriteTimeoutCustomizer;
import io.github.h2push.web.PushResourcesHandlerInterceptor;
import io.github.h2push.web.ResponseHintsFilter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.undertow.Undertow;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authorization.AuthorizationObservationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link H2PushAutoConfiguration}.
 */
class H2PushAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(H2PushAutoConfiguration.class));

	@Test
	void configuresPushPipelineAndUndertowCustomizers() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(PushPromiseService.class)
			.hasSingleBean(PushPlans.class)
			.hasSingleBean(PushResourcesHandlerInterceptor.class)
			.hasSingleBean(UndertowPushTransport.class)
			.hasSingleBean(PushedResponseGuard.class)
			.hasSingleBean(UndertowHandlerChainCustomizer.class)
			.hasSingleBean(UndertowWriteTimeoutCustomizer.class)
			.hasSingleBean(UndertowMaxConcurrentStreamsCustomizer.class)
			.hasSingleBean(UndertowBufferPoolCustomizer.class)
			.hasSingleBean(UndertowHttp2Customizer.class)
			.hasSingleBean(DevelopmentCertificate.class));
	}

	@Test
	void findsTheUndertowInternalsItNeeds() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(UndertowPushTransport.class).isPushAvailable()).isTrue());
	}

	@Test
	void ordersDocumentFramesFirstByDefault() {
		this.contextRunner.run((context) -> assertThat(context.getBean(Http2FrameOrder.class).isAvailable()).isTrue());
	}

	@Test
	void keepsUndertowsFrameOrderWhenHtmlFirstIsOff() {
		this.contextRunner.withPropertyValues("h2-push.html-first.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Http2FrameOrder.class)
				.hasSingleBean(UndertowHandlerChainCustomizer.class));
	}

	@Test
	void hintsOnTomcatWithoutUndertow() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Undertow.class))
			.run((context) -> assertThat(context).hasSingleBean(PushPromiseService.class)
				.hasSingleBean(TomcatEarlyHintsTransport.class)
				.hasSingleBean(Http2OverTlsCustomizer.class)
				.doesNotHaveBean(UndertowPushTransport.class)
				.doesNotHaveBean(UndertowHttp2Customizer.class));
	}

	@Test
	void hasNoTomcatTransportWithoutTomcat() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Tomcat.class))
			.run((context) -> assertThat(context).hasSingleBean(UndertowPushTransport.class)
				.doesNotHaveBean(TomcatEarlyHintsTransport.class));
	}

	@Test
	void backsOffInANonServletApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(H2PushAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PushPromiseService.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("h2-push.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PushPromiseService.class)
				.doesNotHaveBean(UndertowHttp2Customizer.class));
	}

	@Test
	void generatesNoCertificateWhenSelfSignedIsOff() {
		this.contextRunner.withPropertyValues("h2-push.ssl.self-signed=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DevelopmentCertificate.class)
				.hasSingleBean(UndertowHttp2Customizer.class));
	}

	@Test
	void generatesNoCertificateWhenTheServerHasItsOwnSsl() {
		for (String property : new String[] { "server.ssl.bundle=site", "server.ssl.key-store=classpath:ks.p12",
				"server.ssl.certificate=classpath:cert.pem", "server.ssl.enabled=false" }) {
			this.contextRunner.withPropertyValues(property)
				.run((context) -> assertThat(context).as(property).doesNotHaveBean(DevelopmentCertificate.class));
		}
	}

	@Test
	void answersPlainHttpOnTheTlsPortUnlessTurnedOff() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(PlainHttpOnTlsPort.class));
		this.contextRunner.withPropertyValues("h2-push.ssl.answer-plain-http=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PlainHttpOnTlsPort.class));
	}

	@Test
	void keepsTheSameCertificateWhenTheApplicationRestartsInTheSameJvm() {
		AtomicReference<X509Certificate> first = new AtomicReference<>();
		this.contextRunner
			.run((context) -> first.set(context.getBean(DevelopmentCertificate.class).getCertificate()));
		this.contextRunner.run((context) -> assertThat(context.getBean(DevelopmentCertificate.class).getCertificate())
			.isEqualTo(first.get()));
	}

	@Test
	void generatesTheCertificateWhenServerSslSettingsNameNoKeyMaterial() {
		this.contextRunner.withPropertyValues("server.ssl.enabled-protocols=TLSv1.3", "server.ssl.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(DevelopmentCertificate.class));
	}

	@Test
	void generatesTheCertificateWithTheJdkAlone() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.bouncycastle"))
			.run((context) -> assertThat(context.getBean(DevelopmentCertificate.class)
				.getSslBundle()
				.getStores()
				.getKeyStore()
				.getCertificate(DevelopmentCertificate.ALIAS)).isNotNull());
	}

	@Test
	void bindsProperties() {
		this.contextRunner
			.withPropertyValues("h2-push.copied-headers=accept,x-tenant", "h2-push.max-pushes-per-request=3",
					"h2-push.preload-links=false", "h2-push.ssl.self-signed=false")
			.run((context) -> {
				H2PushProperties properties = context.getBean(H2PushProperties.class);
				assertThat(properties.getCopiedHeaders()).containsExactly("accept", "x-tenant");
				assertThat(properties.getMaxPushesPerRequest()).isEqualTo(3);
				assertThat(properties.isPreloadLinks()).isFalse();
				assertThat(properties.getSsl().isSelfSigned()).isFalse();
				assertThat(context.getBean(DefaultPushPromiseService.class).getCopiedHeaders().getNames())
					.containsExactly("accept", "x-tenant");
			});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void warnsWhenCredentialsAreCopied(CapturedOutput output) {
		this.contextRunner.withPropertyValues("h2-push.copied-headers=accept,Authorization,cookie")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("WARN")
			.contains("h2-push.copied-headers includes [authorization, cookie]: every push promise will carry "
					+ "the client's credentials");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void addsAdditionalCopiedHeadersToTheDefaults(CapturedOutput output) {
		this.contextRunner.withPropertyValues("h2-push.additional-copied-headers=Authorization,x-tenant")
			.run((context) -> assertThat(context.getBean(DefaultPushPromiseService.class).getCopiedHeaders().getNames())
				.containsExactly("accept", "accept-encoding", "accept-language", "cache-control", "user-agent",
						"authorization", "x-tenant"));
		assertThat(output).contains("h2-push.copied-headers includes [authorization]")
			.doesNotContain("replaces the defaults");
	}

	@Test
	void pushesWhatTheUserMayFetchWhenAnAdditionalCopiedHeaderCarriesCredentials() {
		this.contextRunner.withPropertyValues("h2-push.additional-copied-headers=authorization")
			.run((context) -> assertThat(context.getBean(SecurityPushAccessPolicy.class))
				.hasFieldOrPropertyWithValue("credentialsCopied", true));
		this.contextRunner.run((context) -> assertThat(context.getBean(SecurityPushAccessPolicy.class))
			.hasFieldOrPropertyWithValue("credentialsCopied", false));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void warnsWhenCopiedHeadersLeaveOutDefaults(CapturedOutput output) {
		this.contextRunner.withPropertyValues("h2-push.copied-headers=authorization")
			.run((context) -> assertThat(context.getBean(DefaultPushPromiseService.class).getCopiedHeaders().getNames())
				.containsExactly("authorization"));
		assertThat(output).contains("WARN")
			.contains("h2-push.copied-headers replaces the defaults and leaves out [accept, accept-encoding, "
					+ "accept-language, cache-control, user-agent]")
			.contains("h2-push.additional-copied-headers");
	}

	@Test
	void failsOnAConditionalAdditionalCopiedHeaderNamingTheProperty() {
		this.contextRunner.withPropertyValues("h2-push.additional-copied-headers=range")
			.run((context) -> assertThat(failureAnalysis(context)).contains("Property: h2-push.additionalCopiedHeaders")
				.contains("Reason: h2-push.additional-copied-headers: 'range' is never copied"));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void doesNotWarnByDefault(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("h2-push.copied-headers includes").doesNotContain("replaces the defaults");
	}

	@Test
	void hasSafeDefaults() {
		this.contextRunner.run((context) -> {
			H2PushProperties properties = context.getBean(H2PushProperties.class);
			assertThat(properties.getCopiedHeaders()).containsExactly("accept", "accept-encoding", "accept-language",
					"cache-control", "user-agent");
			assertThat(properties.getMaxPushesPerRequest()).isEqualTo(10);
			assertThat(properties.isPreloadLinks()).isTrue();
			assertThat(properties.getSsl().isSelfSigned()).isTrue();
		});
	}

	@Test
	void failsOnAConditionalCopiedHeaderNamingTheProperty() {
		this.contextRunner.withPropertyValues("h2-push.copied-headers=accept,if-none-match")
			.run((context) -> assertThat(failureAnalysis(context)).contains("Property: h2-push.copiedHeaders")
				.contains("Reason: h2-push.copied-headers: 'if-none-match' is never copied"));
	}

	@Test
	void failsOnANegativeLimitNamingTheProperty() {
		this.contextRunner.withPropertyValues("h2-push.max-pushes-per-request=-1")
			.run((context) -> assertThat(failureAnalysis(context)).contains("Property: h2-push.maxPushesPerRequest")
				.contains("Reason: h2-push.max-pushes-per-request must not be negative"));
	}

	@Test
	void failsOnANegativeBufferPoolSizeNamingTheProperty() {
		this.contextRunner.withPropertyValues("h2-push.pooled-buffers=-1")
			.run((context) -> assertThat(failureAnalysis(context)).contains("Property: h2-push.pooledBuffers")
				.contains("Reason: h2-push.pooled-buffers must not be negative"));
	}

	@Test
	void failsOnAnInvalidRouteNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("h2-push.routes[0].pattern=/docs/**", "h2-push.routes[0].resources=/a.css,//evil/x.js",
					"h2-push.routes[1].pattern=docs", "h2-push.routes[1].resources=/a.css",
					"h2-push.routes[2].pattern=/empty")
			.run((context) -> assertThat(failureAnalysis(context))
				.contains("Reason: h2-push.routes[0].resources[1]: '//evil/x.js' ")
				.contains("Reason: h2-push.routes[1].pattern: 'docs' a pattern must start with '/'")
				.contains("Reason: h2-push.routes[2].resources: at least one resource is needed"));
	}

	@Test
	void failsOnBadDedupAndAuthoritySettingsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("h2-push.dedup.per-connection=-1", "h2-push.dedup.cache-digest.cookie-name=a b",
					"h2-push.authorities=example.com,http://x")
			.run((context) -> assertThat(failureAnalysis(context))
				.contains("Reason: h2-push.dedup.per-connection must not be negative")
				.contains("Reason: h2-push.dedup.cache-digest.cookie-name must be a cookie name")
				.contains("Reason: h2-push.authorities[1]: 'http://x' is not a host name or host:port")
				.doesNotContain("authorities[0]"));
	}

	@Test
	void failsOnConnectionLimitsOutOfRangeNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("h2-push.connection.max-pushed-responses-in-flight=0",
					"h2-push.connection.pushed-response-timeout=0s", "h2-push.connection.max-client-resets=-1",
					"h2-push.connection.client-reset-window=0s", "h2-push.connection.write-timeout=-1s",
					"h2-push.connection.max-concurrent-streams=-1", "h2-push.connection.max-running-requests=-1",
					"h2-push.connection.min-send-rate=-1B", "h2-push.connection.send-rate-interval=0s")
			.run((context) -> assertThat(failureAnalysis(context))
				.contains("Property: h2-push.connection.maxPushedResponsesInFlight Reason: "
						+ "h2-push.connection.max-pushed-responses-in-flight must be at least 1")
				.contains("Reason: h2-push.connection.pushed-response-timeout must be positive")
				.contains("Reason: h2-push.connection.max-client-resets must not be negative")
				.contains("Reason: h2-push.connection.client-reset-window must be positive")
				.contains("Reason: h2-push.connection.write-timeout must not be negative")
				.contains("Reason: h2-push.connection.max-concurrent-streams must not be negative")
				.contains("Reason: h2-push.connection.max-running-requests must not be negative")
				.contains("Reason: h2-push.connection.min-send-rate must not be negative")
				.contains("Reason: h2-push.connection.send-rate-interval must be at least 1ms"));
	}

	@Test
	void advertisesTheConcurrentStreamLimit() {
		this.contextRunner.run((context) -> {
			UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
			context.getBean(UndertowMaxConcurrentStreamsCustomizer.class).customize(factory);
			assertThat(factory.getBuilderCustomizers()).hasSize(1);
		});
	}

	@Test
	void leavesTheConcurrentStreamLimitToTheServerOptionWhenSet() {
		this.contextRunner
			.withPropertyValues("server.undertow.options.server.HTTP2_SETTINGS_MAX_CONCURRENT_STREAMS=5",
					"h2-push.connection.max-concurrent-streams=50")
			.run((context) -> {
				UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
				context.getBean(UndertowMaxConcurrentStreamsCustomizer.class).customize(factory);
				assertThat(factory.getBuilderCustomizers()).isEmpty();
			});
	}

	@Test
	void readsTheServerOptionsFromSpringBootsOwnServerProperties() {
		// set on the bean alone: the environment has none
		this.contextRunner.withBean(ServerProperties.class, () -> {
			ServerProperties server = new ServerProperties();
			server.getUndertow().getOptions().getServer().put("http2-settings-max-concurrent-streams", "5");
			server.getUndertow().getOptions().getSocket().put("WRITE_TIMEOUT", "30000");
			return server;
		}).run((context) -> {
			UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
			context.getBean(UndertowMaxConcurrentStreamsCustomizer.class).customize(factory);
			context.getBean(UndertowWriteTimeoutCustomizer.class).customize(factory);
			assertThat(factory.getBuilderCustomizers()).isEmpty();
			context.getBean(UndertowResetFrameLimitCustomizer.class).customize(factory);
			assertThat(factory.getBuilderCustomizers()).hasSize(1);
		});
	}

	@Test
	void advertisesNoConcurrentStreamLimitWhenItIsZero() {
		this.contextRunner.withPropertyValues("h2-push.connection.max-concurrent-streams=0").run((context) -> {
			UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
			context.getBean(UndertowMaxConcurrentStreamsCustomizer.class).customize(factory);
			assertThat(factory.getBuilderCustomizers()).isEmpty();
		});
	}

	@Test
	void bindsTheLimitsOfWhatOneConnectionRuns() {
		this.contextRunner
			.withPropertyValues("h2-push.connection.max-running-requests=3", "h2-push.connection.min-send-rate=2KB",
					"h2-push.connection.send-rate-interval=5s")
			.run((context) -> {
				ConnectionProperties connection = context.getBean(H2PushProperties.class).getConnection();
				assertThat(connection.getMaxRunningRequests()).isEqualTo(3);
				assertThat(connection.getMinSendRate().toBytes()).isEqualTo(2048);
				assertThat(connection.getSendRateInterval()).hasSeconds(5);
				assertThat(context).hasSingleBean(UndertowHandlerChainCustomizer.class);
			});
	}

	@Test
	void passesConnectionLimitsToUndertow() {
		this.contextRunner
			.withPropertyValues("h2-push.connection.max-client-resets=0", "h2-push.connection.write-timeout=0s",
					"h2-push.early-hints.over-http1=true")
			.run((context) -> {
				H2PushProperties properties = context.getBean(H2PushProperties.class);
				assertThat(properties.getConnection().getMaxClientResets()).isZero();
				assertThat(properties.getConnection().getWriteTimeout()).isZero();
				assertThat(properties.getEarlyHints().isOverHttp1()).isTrue();
				UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
				context.getBean(UndertowWriteTimeoutCustomizer.class).customize(factory);
				assertThat(factory.getBuilderCustomizers()).isEmpty();
			});
	}

	@Test
	void bindsRoutesAndFeatureSwitches() {
		this.contextRunner
			.withPropertyValues("h2-push.routes[0].pattern=/docs/**", "h2-push.routes[0].resources=/a.css,/b.js",
					"h2-push.early-hints.enabled=false", "h2-push.dedup.cache-digest.enabled=true")
			.run((context) -> {
				assertThat(context.getBean(PushRoutes.class).getPlans()).containsOnlyKeys("/docs/**");
				H2PushProperties properties = context.getBean(H2PushProperties.class);
				assertThat(properties.getEarlyHints().isEnabled()).isFalse();
				assertThat(properties.getDedup().getCacheDigest().isEnabled()).isTrue();
			});
	}

	@Test
	void offersTheEndpointReadingTheRunningServer() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(H2PushEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=h2push")
			.run((context) -> {
				assertThat(context).hasSingleBean(PushStatistics.class)
					.hasSingleBean(RunningServer.class)
					.hasSingleBean(H2PushEndpoint.class);
				assertThat(context.getBean(H2PushEndpoint.class).h2push().server())
					.isEqualTo(new RunningServer.Facts("not started", null, null, false, false));
			});
	}

	@Test
	void offersNoEndpointWhenItIsNotExposed() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(H2PushEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(H2PushEndpoint.class)
				.doesNotHaveBean(RunningServer.class));
	}

	@Test
	void learnsOnlyWhenAskedTo() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(LearnedHints.class);
			assertThat(responseHintsFilter(context).isEnabled()).isTrue();
		});
		this.contextRunner.withPropertyValues("h2-push.learn.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(LearnedHints.class));
	}

	@Test
	void registersTheResponseFilterForRequestAndForwardDispatchesOnly() {
		// an async or error dispatch belongs to a request whose response the filter already watched
		this.contextRunner.run((context) -> assertThat(responseHintsFilter(context).determineDispatcherTypes())
			.containsExactlyInAnyOrder(DispatcherType.REQUEST, DispatcherType.FORWARD));
	}

	@Test
	void registersTheResponseFilterOnlyWhenItHasSomethingToDo() {
		this.contextRunner.withPropertyValues("h2-push.push-from-link-headers=false", "h2-push.preload-links=false")
			.run((context) -> assertThat(responseHintsFilter(context).isEnabled()).isFalse());
		this.contextRunner.withPropertyValues("h2-push.push-from-link-headers=false", "h2-push.preload-links=false",
				"h2-push.learn.enabled=true")
			.run((context) -> assertThat(responseHintsFilter(context).isEnabled()).isTrue());
		// its hints survive an application's setHeader("Link")
		this.contextRunner.withPropertyValues("h2-push.push-from-link-headers=false")
			.run((context) -> assertThat(responseHintsFilter(context).isEnabled()).isTrue());
	}

	@Test
	void failsOnLearningLimitsOutOfRangeNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("h2-push.learn.enabled=true", "h2-push.learn.sample-every=0",
					"h2-push.learn.max-routes=-1")
			.run((context) -> assertThat(failureAnalysis(context))
				.contains("Reason: h2-push.learn.sample-every must be at least 1")
				.contains("Reason: h2-push.learn.max-routes must not be negative"));
	}

	private static FilterRegistrationBean<?> responseHintsFilter(AssertableWebApplicationContext context) {
		return context.getBean("responseHintsFilter", FilterRegistrationBean.class);
	}

	@Test
	void offersNoEndpointWithoutActuator() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(H2PushEndpointAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(PushStatistics.class)
				.doesNotHaveBean(H2PushEndpoint.class));
	}

	@Test
	void publishesMetricsWithoutTheEndpoint() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(H2PushMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(PushMetrics.class));
	}

	@Test
	void publishesNoMetricsWithoutMicrometer() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(H2PushMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterBinder.class))
			.run((context) -> assertThat(context).hasSingleBean(PushStatistics.class)
				.doesNotHaveBean(PushMetrics.class));
	}

	@Test
	void publishesNoMetricsWhenPushIsOff() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(H2PushMetricsAutoConfiguration.class))
			.withPropertyValues("h2-push.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PushMetrics.class));
	}

	@Test
	void asksSpringSecurityWhenItIsPresent() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SecurityPushAccessPolicy.class));
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebInvocationPrivilegeEvaluator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityPushAccessPolicy.class));
	}

	@Test
	void keepsItsAccessChecksOutOfTheApplicationsObservations() {
		this.contextRunner.run((context) -> {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler((observed) -> true);
			context.getBeanProvider(ObservationPredicate.class)
				.forEach(registry.observationConfig()::observationPredicate);
			List<Boolean> observed = new ArrayList<>();
			WebInvocationPrivilegeEvaluator evaluator = new WebInvocationPrivilegeEvaluator() {

				@Override
				public boolean isAllowed(String uri, Authentication authentication) {
					return isAllowed(null, uri, "GET", authentication);
				}

				@Override
				public boolean isAllowed(String contextPath, String uri, String method,
						Authentication authentication) {
					observed.add(!authorization(registry, uri).isNoop());
					// what an authorization manager observes of its own work, such as a call it makes
					observed.add(!Observation.start("http.client.requests", registry).isNoop());
					return true;
				}

			};
			new SecurityPushAccessPolicy(() -> evaluator, false).check(new MockHttpServletRequest(), "/a.css");
			assertThat(observed).containsExactly(false, true);
			assertThat(authorization(registry, "/a.css").isNoop()).as("an authorization outside h2-push's checks")
				.isFalse();
		});
		this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationPredicate.class))
			.run((context) -> assertThat(context).hasSingleBean(SecurityPushAccessPolicy.class)
				.doesNotHaveBean(ObservationPredicate.class));
	}

	private static Observation authorization(ObservationRegistry registry, String uri) {
		return Observation.start("spring.security.authorizations", () -> new AuthorizationObservationContext<>(uri),
				registry);
	}

	@Test
	void usesTheApplicationsPushPromiseService() {
		assertBacksOffFor(PushPromiseService.class, () -> DefaultPushPromiseService.builder(List.of()).build());
	}

	@Test
	void usesTheApplicationsPushPlans() {
		assertBacksOffFor(PushPlans.class, () -> new PushPlans(null));
	}

	@Test
	void usesTheApplicationsPushRoutes() {
		assertBacksOffFor(PushRoutes.class, () -> PushRoutes.of(Map.of("/docs/**", List.of("/css/docs.css"))));
	}

	@Test
	void usesTheApplicationsPushStatistics() {
		assertBacksOffFor(PushStatistics.class, PushStatistics::new);
	}

	@Test
	void usesTheApplicationsPushResourcesHandlerInterceptor() {
		assertBacksOffFor(PushResourcesHandlerInterceptor.class, () -> new PushResourcesHandlerInterceptor(
				new PushPlans(null), PushRoutes.of(Map.of()), DefaultPushPromiseService.builder(List.of()).build()));
	}

	@Test
	void usesTheApplicationsUndertowPushTransport() {
		assertBacksOffFor(UndertowPushTransport.class, () -> new UndertowPushTransport(16, List.of(), guard()));
	}

	@Test
	void usesTheApplicationsUndertowHandlerChainCustomizer() {
		assertBacksOffFor(UndertowHandlerChainCustomizer.class,
				() -> new UndertowHandlerChainCustomizer(guard(), List.of(), 0, Duration.ofSeconds(30),
						Http2ConnectionLimits.none(), null));
	}

	@Test
	void usesTheApplicationsHttp2FrameOrder() {
		assertBacksOffFor(Http2FrameOrder.class, Http2FrameOrder::create);
	}

	@Test
	void usesTheApplicationsUndertowMaxConcurrentStreamsCustomizer() {
		assertBacksOffFor(UndertowMaxConcurrentStreamsCustomizer.class,
				() -> new UndertowMaxConcurrentStreamsCustomizer(0));
	}

	@Test
	void usesTheApplicationsUndertowWriteTimeoutCustomizer() {
		assertBacksOffFor(UndertowWriteTimeoutCustomizer.class, () -> new UndertowWriteTimeoutCustomizer(null));
	}

	@Test
	void usesTheApplicationsPushedResponseGuard() {
		assertBacksOffFor(PushedResponseGuard.class, H2PushAutoConfigurationTests::guard);
	}

	private static PushedResponseGuard guard() {
		return new PushedResponseGuard(4, Duration.ofSeconds(10));
	}

	@Test
	void usesTheApplicationsHttp2OverTlsCustomizer() {
		assertBacksOffFor(Http2OverTlsCustomizer.class, () -> new Http2OverTlsCustomizer(false, null));
	}

	@Test
	void usesTheApplicationsTomcatTransport() {
		assertBacksOffFor(TomcatEarlyHintsTransport.class, TomcatEarlyHintsTransport::new);
	}

	@Test
	void usesTheApplicationsUndertowHttp2Customizer() {
		assertBacksOffFor(UndertowHttp2Customizer.class, UndertowHttp2Customizer::new);
	}

	@Test
	void usesTheApplicationsUndertowBufferPoolCustomizer() {
		assertBacksOffFor(UndertowBufferPoolCustomizer.class, () -> new UndertowBufferPoolCustomizer(8, null, null));
	}

	@Test
	void usesTheApplicationsSecurityPushAccessPolicy() {
		assertBacksOffFor(SecurityPushAccessPolicy.class, () -> new SecurityPushAccessPolicy(() -> null, false));
	}

	@Test
	void usesTheApplicationsDevelopmentCertificate() {
		assertBacksOffFor(DevelopmentCertificate.class, DevelopmentCertificate::new);
	}

	@Test
	void usesTheApplicationsLearnedHints() {
		assertBacksOffFor(this.contextRunner.withPropertyValues("h2-push.learn.enabled=true"), LearnedHints.class,
				() -> new LearnedHints(8, 4, 4096, 1, (request, path) -> true));
	}

	@Test
	void usesTheApplicationsResponseHintsFilterRegistration() {
		// backs off by name: the application may register its own filter, or none, under that name
		FilterRegistrationBean<Filter> own = new FilterRegistrationBean<>(
				(request, response, chain) -> chain.doFilter(request, response));
		this.contextRunner.withBean("responseHintsFilter", FilterRegistrationBean.class, () -> own).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean("responseHintsFilter")).isSameAs(own);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.noneMatch((registration) -> registration.getFilter() instanceof ResponseHintsFilter);
		});
	}

	@Test
	void usesTheApplicationsRunningServer() {
		assertBacksOffFor(endpointContextRunner(), RunningServer.class, () -> new RunningServer(false, false));
	}

	@Test
	void usesTheApplicationsH2PushEndpoint() {
		assertBacksOffFor(endpointContextRunner(), H2PushEndpoint.class,
				() -> new H2PushEndpoint(new RunningServer(false, false), Map.of(), new PushPlans(null),
						PushRoutes.of(Map.of()), new PushStatistics()));
	}

	private WebApplicationContextRunner endpointContextRunner() {
		return this.contextRunner.withConfiguration(AutoConfigurations.of(H2PushEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=h2push");
	}

	@Test
	void usesTheApplicationsPushMetrics() {
		PushMetrics own = new PushMetrics(new PushStatistics());
		this.contextRunner.withConfiguration(AutoConfigurations.of(H2PushEndpointAutoConfiguration.class))
			.withBean(PushMetrics.class, () -> own)
			.run((context) -> {
				assertThat(context).hasSingleBean(PushMetrics.class);
				assertThat(context.getBean(PushMetrics.class)).isSameAs(own);
			});
	}

	private <T> void assertBacksOffFor(Class<T> type, Supplier<T> applicationBean) {
		assertBacksOffFor(this.contextRunner, type, applicationBean);
	}

	// The way Spring Boot's own auto-configuration tests check @ConditionalOnMissingBean
	private static <T> void assertBacksOffFor(WebApplicationContextRunner contextRunner, Class<T> type,
			Supplier<T> applicationBean) {
		T own = applicationBean.get();
		contextRunner.withBean(type, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(type);
			assertThat(context.getBean(type)).isSameAs(own);
		});
	}

	// What Spring Boot's failure analysis prints for each validation error
	private static String failureAnalysis(AssertableWebApplicationContext context) {
		for (Throwable ex = context.getStartupFailure(); ex != null; ex = ex.getCause()) {
			if (ex instanceof BindValidationException validation) {
				StringBuilder description = new StringBuilder();
				for (ObjectError error : validation.getValidationErrors()) {
					if (error instanceof FieldError field) {
						description.append("Property: ").append(field.getObjectName()).append('.').append(field.getField());
					}
					description.append(" Reason: ").append(error.getDefaultMessage()).append('\n');
				}
				return description.toString();
			}
		}
		throw new AssertionError("No validation failure in " + context.getStartupFailure());
	}

}
