package io.github.h2push.autoconfigure;

import java.util.List;

/**
 * Thrown at startup when h2-push is part of a reactive (WebFlux) web application, where
 * it cannot push: either the application runs on the reactive stack, or it declares
 * WebFlux beans that the servlet stack would silently ignore. Analyzed by
 * {@link ReactiveWebApplicationFailureAnalyzer}.
 */
class ReactiveWebApplicationException extends RuntimeException {

	private final List<String> webFluxBeans;

	/**
	 * Creates an exception for an application that runs on the reactive stack.
	 */
	ReactiveWebApplicationException() {
		this(List.of());
	}

	/**
	 * Creates an exception for a servlet application that declares WebFlux beans.
	 * @param webFluxBeans the beans, described for a human
	 */
	ReactiveWebApplicationException(List<String> webFluxBeans) {
		super("h2-push supports Spring MVC (the servlet stack) on Undertow, not Spring WebFlux"
				+ (webFluxBeans.isEmpty() ? "" : ": " + webFluxBeans));
		this.webFluxBeans = webFluxBeans;
	}

	/**
	 * The WebFlux beans of a servlet application; empty when the application runs on the
	 * reactive stack.
	 */
	List<String> getWebFluxBeans() {
		return this.webFluxBeans;
	}

}
