package io.github.h2push.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.h2push.actuate.H2PushEndpoint;
import io.github.h2push.actuate.RunningServer;
import io.github.h2push.engine.LearnedHints;
import io.github.h2push.engine.PushPlans;
import io.github.h2push.engine.PushRoutes;
import io.github.h2push.engine.PushStatistics;
import io.github.h2push.engine.ResponseTimes;
import io.github.h2push.undertow.PushedResponseCache;
import io.github.h2push.undertow.UndertowPushTransport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@code h2push} Actuator endpoint.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = H2PushAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(PushStatistics.class)
public class H2PushEndpointAutoConfiguration {

	/**
	 * On Undertow, pushes can happen when its push slots are available.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.github.h2push.undertow.UndertowPushTransport")
	static class UndertowRunningServerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(H2PushEndpoint.class)
		RunningServer h2PushRunningServer(ObjectProvider<DevelopmentCertificate> developmentCertificate,
				ObjectProvider<UndertowPushTransport> transport) {
			UndertowPushTransport undertow = transport.getIfAvailable();
			return new RunningServer(developmentCertificate.getIfAvailable() != null,
					undertow != null && undertow.isPushAvailable());
		}

		@Bean
		SmartInitializingSingleton h2PushEndpointPushedResponseCache(ObjectProvider<H2PushEndpoint> endpoint,
				ObjectProvider<PushedResponseCache> cache) {
			return () -> endpoint.ifAvailable(
					(available) -> cache.ifAvailable((kept) -> available.setPushedResponseCache(kept::describe)));
		}

	}

	// Tomcat and Jetty cannot push
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(H2PushEndpoint.class)
	RunningServer h2PushRunningServer(ObjectProvider<DevelopmentCertificate> developmentCertificate) {
		return new RunningServer(developmentCertificate.getIfAvailable() != null, false);
	}

	/**
	 * Tells the running server's facts on Spring Boot 3.5, whose event this is.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.web.context.WebServerInitializedEvent")
	static class WebServerStartedConfiguration {

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

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	H2PushEndpoint h2PushEndpoint(RunningServer server, H2PushProperties properties, PushPlans plans,
			PushRoutes routes, PushStatistics statistics, ObjectProvider<LearnedHints> learnedHints,
			ObjectProvider<ResponseTimes> responseTimes) {
		H2PushEndpoint endpoint = new H2PushEndpoint(server, configuration(properties), plans, routes, statistics);
		endpoint.setLearnedHints(learnedHints.getIfAvailable());
		endpoint.setResponseTimes(responseTimes.getIfAvailable());
		return endpoint;
	}

	private static Map<String, Object> configuration(H2PushProperties properties) {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("copied-headers", properties.getCopiedHeaders());
		configuration.put("additional-copied-headers", properties.getAdditionalCopiedHeaders());
		configuration.put("max-pushes-per-request", properties.getMaxPushesPerRequest());
		configuration.put("preload-links", properties.isPreloadLinks());
		configuration.put("early-hints.enabled", properties.getEarlyHints().isEnabled());
		configuration.put("early-hints.over-http1", properties.getEarlyHints().isOverHttp1());
		configuration.put("early-hints.min-response-time", properties.getEarlyHints().getMinResponseTime().toString());
		configuration.put("push-from-link-headers", properties.isPushFromLinkHeaders());
		configuration.put("learn.enabled", properties.getLearn().isEnabled());
		configuration.put("authorities", properties.getAuthorities());
		configuration.put("dedup.per-connection", properties.getDedup().getPerConnection());
		configuration.put("dedup.cache-digest.enabled", properties.getDedup().getCacheDigest().isEnabled());
		return configuration;
	}

}
