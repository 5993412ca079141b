package io.github.h2push.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the server has no SSL of its own configured: no {@code server.ssl.bundle},
 * {@code server.ssl.key-store} or {@code server.ssl.certificate}. Then, and only then,
 * the development certificate is needed.
 */
class NoSslConfiguredCondition extends SpringBootCondition {

	private static final String[] PROPERTIES = { "server.ssl.bundle", "server.ssl.key-store",
			"server.ssl.certificate" };

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		for (String property : PROPERTIES) {
			if (environment.containsProperty(property)) {
				return ConditionOutcome.noMatch("'" + property + "' is set");
			}
		}
		return ConditionOutcome.match("no server SSL configured");
	}

}
