package io.github.h2push.undertow;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Puts an {@link HtmlFirstHandler} first in the deployment's handler chain, so that
 * every document request is marked before any of its response is written. Does nothing
 * when the {@link Http2FrameOrder} is not available.
 *
 * @since 0.1.0
 */
public class UndertowHtmlFirstCustomizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

	private final Http2FrameOrder frameOrder;

	/**
	 * Creates a customizer.
	 * @param frameOrder the frame order
	 */
	public UndertowHtmlFirstCustomizer(Http2FrameOrder frameOrder) {
		this.frameOrder = frameOrder;
	}

	@Override
	public void customize(UndertowServletWebServerFactory factory) {
		if (this.frameOrder.isAvailable()) {
			factory.addDeploymentInfoCustomizers((deploymentInfo) -> deploymentInfo
				.addInitialHandlerChainWrapper((next) -> new HtmlFirstHandler(next, this.frameOrder)));
		}
	}

}
