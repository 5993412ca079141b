package io.github.h2push.undertow;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Puts a {@link PushedStreamReleasingHandler} first in the deployment's handler
 * chain, so that it sees every pushed exchange, including pushes made through the
 * servlet {@code PushBuilder}.
 *
 * @since 0.1.0
 */
public class UndertowPushCustomizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

	private final Http2PushSlots slots;

	/**
	 * Creates a customizer.
	 * @param slots the push slots
	 */
	public UndertowPushCustomizer(Http2PushSlots slots) {
		this.slots = slots;
	}

	@Override
	public void customize(UndertowServletWebServerFactory factory) {
		if (this.slots.isAvailable()) {
			factory.addDeploymentInfoCustomizers((deploymentInfo) -> deploymentInfo
				.addInitialHandlerChainWrapper((next) -> new PushedStreamReleasingHandler(next, this.slots)));
		}
	}

}
