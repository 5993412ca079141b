package io.github.h2push.autoconfigure;

import io.github.h2push.actuate.PushMetrics;
import io.github.h2push.engine.PushStatistics;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@code h2push.promises} meters, published with
 * Micrometer whether or not the Actuator endpoint is.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = H2PushAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(PushStatistics.class)
public class H2PushMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PushMetrics pushMetrics(PushStatistics statistics) {
		return new PushMetrics(statistics);
	}

}
