package io.github.h2push.undertow;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * A handler of the deployment's initial chain, after those that may answer a request
 * themselves (see {@link UndertowHandlerChainCustomizer}): puts each HTTP/2 connection under the
 * {@link Http2FrameOrder}, and marks document requests before their responses start.
 *
 * @since 0.1.0
 */
class HtmlFirstHandler implements HttpHandler {

	private final HttpHandler next;

	private final Http2FrameOrder frameOrder;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 * @param frameOrder the frame order
	 */
	public HtmlFirstHandler(HttpHandler next, Http2FrameOrder frameOrder) {
		this.next = next;
		this.frameOrder = frameOrder;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		this.frameOrder.prioritize(exchange);
		this.next.handleRequest(exchange);
	}

}
