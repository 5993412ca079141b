package io.github.h2push.undertow;

import java.time.Duration;

import org.xnio.Options;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.lang.Nullable;

/**
 * Sets the write timeout of Undertow's connections (the {@code WRITE_TIMEOUT} socket
 * option), so that a worker thread whose blocking write made no progress for that long
 * is released, for example because the client gives the stream no flow-control window:
 * Undertow has no such timeout by default. It applies to every connection, HTTP/1.1 too.
 *
 * @since 0.1.0
 */
public class UndertowWriteTimeoutCustomizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

	@Nullable
	private final Duration writeTimeout;

	/**
	 * Creates a customizer.
	 * @param writeTimeout the write timeout, {@code null} to leave the socket option
	 * alone
	 */
	public UndertowWriteTimeoutCustomizer(@Nullable Duration writeTimeout) {
		this.writeTimeout = writeTimeout;
	}

	@Override
	public void customize(UndertowServletWebServerFactory factory) {
		if (this.writeTimeout != null) {
			int millis = (int) Math.min(Integer.MAX_VALUE, this.writeTimeout.toMillis());
			factory.addBuilderCustomizers((builder) -> builder.setSocketOption(Options.WRITE_TIMEOUT, millis));
		}
	}

}
