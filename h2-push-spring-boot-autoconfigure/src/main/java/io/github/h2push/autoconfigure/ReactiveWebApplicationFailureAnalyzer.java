package io.github.h2push.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link ReactiveWebApplicationException}: h2-push works with Spring MVC only.
 */
class ReactiveWebApplicationFailureAnalyzer extends AbstractFailureAnalyzer<ReactiveWebApplicationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ReactiveWebApplicationException cause) {
		StringBuilder description = new StringBuilder();
		StringBuilder action = new StringBuilder();
		if (cause.getWebFluxBeans().isEmpty()) {
			description.append("This is a reactive web application (Spring WebFlux). h2-push supports Spring MVC ")
				.append("(the servlet stack) on embedded Undertow only: on WebFlux it could not push, send ")
				.append("103 Early Hints or preload links.");
		}
		else {
			description.append("This application declares Spring WebFlux beans, but runs as a Spring MVC (servlet) ")
				.append("application, which ignores them:\n\n");
			cause.getWebFluxBeans().forEach((bean) -> description.append("\t- ").append(bean).append('\n'));
			description.append("\nSpring MVC is on the class path (h2-push-spring-boot-starter brings it), and ")
				.append("Spring Boot prefers it to WebFlux. h2-push supports Spring MVC on embedded Undertow only.");
		}
		action.append("Spring MVC is the stack h2-push supports. Either build the web layer with Spring MVC ")
			.append("(@Controller classes, or RouterFunction from org.springframework.web.servlet.function) to use ")
			.append("h2-push, or keep Spring WebFlux without h2-push: remove the h2-push-spring-boot-starter ")
			.append("dependency");
		action.append(cause.getWebFluxBeans().isEmpty() ? " (or set h2-push.enabled=false)." : ", which brings "
				+ "Spring MVC.");
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

}
