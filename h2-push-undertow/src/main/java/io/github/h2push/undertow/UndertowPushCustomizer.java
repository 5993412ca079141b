package io.github.h2push.undertow;

import java.util.List;

import io.github.h2push.PushListener;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Puts a {@link PushedStreamReleasingHandler} first in the deployment's handler
 * chain, so that it sees every pushed exchange, including pushes made through the
 * servlet {@code PushBuilder}; next a handler that answers 400 to a {@code Host} or
 * {@code :authority} Undertow cannot parse, and an {@link EarlyHintsVaryHandler}, so
 * that browsers can use the fonts a {@code 103 Early Hints} response made them fetch.
 *
 * @since 0.1.0
 */
public class UndertowPushCustomizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

	private final Http2PushSlots slots;

	private final PushedResponseGuard guard;

	private final List<PushListener> listeners;

	/**
	 * Creates a customizer.
	 * @param slots the push slots
	 * @param guard bounds the pushed responses of a connection
	 * @param listeners told when the client resets a pushed stream
	 */
	public UndertowPushCustomizer(Http2PushSlots slots, PushedResponseGuard guard,
			List<? extends PushListener> listeners) {
		this.slots = slots;
		this.guard = guard;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void customize(UndertowServletWebServerFactory factory) {
		// the wrapper added first is the inner one: the releasing handler stays first
		factory.addDeploymentInfoCustomizers((deploymentInfo) -> deploymentInfo
			.addInitialHandlerChainWrapper(EarlyHintsVaryHandler::new)
			.addInitialHandlerChainWrapper(UnparsableHostHandler::new));
		if (this.slots.isAvailable()) {
			factory.addDeploymentInfoCustomizers((deploymentInfo) -> deploymentInfo.addInitialHandlerChainWrapper(
					(next) -> new PushedStreamReleasingHandler(next, this.slots, this.guard, this.listeners)));
		}
	}

}
