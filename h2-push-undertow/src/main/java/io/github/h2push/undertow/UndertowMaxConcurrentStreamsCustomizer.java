package io.github.h2push.undertow;

import io.undertow.UndertowOptions;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.util.Assert;

/**
 * Advertises how many streams an HTTP/2 client may have open at once
 * (SETTINGS_MAX_CONCURRENT_STREAMS, Undertow's
 * {@code HTTP2_SETTINGS_MAX_CONCURRENT_STREAMS} server option), which Undertow leaves
 * unlimited by default. Undertow does not enforce the limit it advertises;
 * {@link UndertowHandlerChainCustomizer} does.
 *
 * @since 0.1.0
 */
public class UndertowMaxConcurrentStreamsCustomizer
		implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

	private final int maxConcurrentStreams;

	/**
	 * Creates a customizer.
	 * @param maxConcurrentStreams the limit to advertise, 0 to leave the server option
	 * alone
	 */
	public UndertowMaxConcurrentStreamsCustomizer(int maxConcurrentStreams) {
		Assert.isTrue(maxConcurrentStreams >= 0, "maxConcurrentStreams must not be negative");
		this.maxConcurrentStreams = maxConcurrentStreams;
	}

	@Override
	public void customize(UndertowServletWebServerFactory factory) {
		if (this.maxConcurrentStreams > 0) {
			factory.addBuilderCustomizers((builder) -> builder
				.setServerOption(UndertowOptions.HTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, this.maxConcurrentStreams));
		}
	}

}
