package io.github.h2push.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.h2push.support.LearnedHints;
import io.github.h2push.support.PushPlans;
import io.github.h2push.support.PushRoutes;
import io.github.h2push.support.PushStatistics;
import io.github.h2push.actuate.H2PushEndpoint;
import io.github.h2push.actuate.PushMetrics;
import io.github.h2push.undertow.Http2PushSlots;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Ssl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@code h2push} Actuator endpoint and the
 * {@code h2push.promises} meter.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = H2PushAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(PushStatistics.class)
public class H2PushEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	H2PushEndpoint h2PushEndpoint(Environment environment, H2PushProperties properties, PushPlans plans,
			PushRoutes routes, PushStatistics statistics, ObjectProvider<Http2PushSlots> slots,
			ObjectProvider<DevelopmentCertificate> developmentCertificate, ObjectProvider<LearnedHints> learnedHints) {
		boolean http2 = environment.getProperty("server.http2.enabled", Boolean.class, true);
		boolean development = developmentCertificate.getIfAvailable() != null;
		boolean tls = development || Ssl.isEnabled(Binder.get(environment).bind("server.ssl", Ssl.class).orElse(null));
		Http2PushSlots pushSlots = slots.getIfAvailable();
		boolean push = http2 && pushSlots != null && pushSlots.isAvailable();
		H2PushEndpoint endpoint = new H2PushEndpoint(new H2PushEndpoint.ServerFacts(http2, tls, development, push),
				configuration(properties), plans, routes, statistics);
		endpoint.setLearnedHints(learnedHints.getIfAvailable());
		return endpoint;
	}

	private static Map<String, Object> configuration(H2PushProperties properties) {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("copied-headers", properties.getCopiedHeaders());
		configuration.put("max-pushes-per-request", properties.getMaxPushesPerRequest());
		configuration.put("preload-links", properties.isPreloadLinks());
		configuration.put("early-hints", properties.isEarlyHints());
		configuration.put("early-hints-over-http1", properties.isEarlyHintsOverHttp1());
		configuration.put("push-from-link-headers", properties.isPushFromLinkHeaders());
		configuration.put("learn.enabled", properties.getLearn().isEnabled());
		configuration.put("authorities", properties.getAuthorities());
		configuration.put("dedup.per-connection", properties.getDedup().getPerConnection());
		configuration.put("dedup.cache-digest.enabled", properties.getDedup().getCacheDigest().isEnabled());
		return configuration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PushMetrics pushMetrics(PushStatistics statistics) {
			return new PushMetrics(statistics);
		}

	}

}
