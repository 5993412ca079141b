package io.github.h2push.undertow;

import java.time.Duration;

import org.xnio.Options;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.lang.Nullable;

/**
 * Limits what one client can take from the server, for HTTP/2 which h2-push turns on:
 * a {@link ClientResetLimitingHandler} closes connections whose client resets too many
 * requests and a {@link ResetRequestSkippingHandler} skips the application for requests
 * reset before they ran (rapid reset), and Undertow's {@link BlockingWriteTimeoutHandler} releases a
 * worker thread whose blocking write made no progress for a while, for example because
 * the client gives the stream no flow-control window (Undertow has no such timeout by
 * default).
 *
 * @since 0.1.0
 */
public class UndertowHttp2LimitsCustomizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

	private final Http2PushSlots slots;

	private final int maxClientResets;

	private final Duration clientResetWindow;

	@Nullable
	private final Duration writeTimeout;

	/**
	 * Creates a customizer.
	 * @param slots reaches an exchange's HTTP/2 stream; without it resets are not
	 * counted
	 * @param maxClientResets how many requests a client may reset within the window
	 * before its connection is closed, 0 for no limit
	 * @param clientResetWindow the window
	 * @param writeTimeout the write timeout, {@code null} to leave the socket option
	 * alone
	 */
	public UndertowHttp2LimitsCustomizer(Http2PushSlots slots, int maxClientResets, Duration clientResetWindow,
			@Nullable Duration writeTimeout) {
		this.slots = slots;
		this.maxClientResets = maxClientResets;
		this.clientResetWindow = clientResetWindow;
		this.writeTimeout = writeTimeout;
	}

	@Override
	public void customize(UndertowServletWebServerFactory factory) {
		if (this.slots.isAvailable() && this.maxClientResets > 0) {
			factory.addDeploymentInfoCustomizers((deploymentInfo) -> deploymentInfo
				.addInitialHandlerChainWrapper((next) -> new ClientResetLimitingHandler(next, this.slots,
						this.maxClientResets, this.clientResetWindow))
				.addOuterHandlerChainWrapper((next) -> new ResetRequestSkippingHandler(next, this.slots)));
		}
		if (this.writeTimeout != null) {
			int millis = (int) Math.min(Integer.MAX_VALUE, this.writeTimeout.toMillis());
			factory.addBuilderCustomizers((builder) -> builder.setSocketOption(Options.WRITE_TIMEOUT, millis));
		}
	}

}
