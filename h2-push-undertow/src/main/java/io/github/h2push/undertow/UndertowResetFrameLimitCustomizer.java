package io.github.h2push.undertow;

import io.undertow.UndertowOptions;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Lifts Undertow's own limit on RST_STREAM frames
 * ({@code UndertowOptions.MAX_RST_FRAMES_PER_WINDOW}, 200 in 30 s by default) while
 * {@link ClientResetLimitingHandler} limits the resets that cost the server work.
 * <p>
 * Undertow counts a client's RST_STREAM on a stream that has already completed, and on
 * a pushed stream whose response has not started: that is how a browser cancels the
 * pushes it already has in its cache, and such a client is sent GOAWAY after a few
 * hundred cancelled pushes. A request the client resets while the server still works on
 * it is counted by the handler.
 *
 * @since 0.1.0
 */
public class UndertowResetFrameLimitCustomizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

	private final boolean lifted;

	/**
	 * Creates a customizer.
	 * @param maxClientResets how many requests a client may reset within the window, as
	 * given to {@link UndertowHandlerChainCustomizer}; 0 leaves Undertow's limit in place
	 */
	public UndertowResetFrameLimitCustomizer(int maxClientResets) {
		this(UndertowInternals.get(), maxClientResets);
	}

	UndertowResetFrameLimitCustomizer(UndertowInternals internals, int maxClientResets) {
		// only while the handler takes over: it needs the same internals
		this.lifted = maxClientResets > 0 && internals.supports(UndertowInternals.Feature.CLIENT_RESET_LIMIT);
	}

	@Override
	public void customize(UndertowServletWebServerFactory factory) {
		if (this.lifted) {
			factory.addBuilderCustomizers(
					(builder) -> builder.setServerOption(UndertowOptions.MAX_RST_FRAMES_PER_WINDOW, Integer.MAX_VALUE));
		}
	}

}
