package io.github.h2push.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the server has no SSL of its own configured, as
 * {@link BootServerSettings} decides. Then, and only then, the development certificate
 * is needed.
 */
class NoSslConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		BootServerSettings settings = BootServerSettings.of(context.getEnvironment());
		return settings.hasOwnSsl() ? ConditionOutcome.noMatch("'" + settings.getOwnSslProperty() + "' is set")
				: ConditionOutcome.match("no server SSL configured");
	}

}
