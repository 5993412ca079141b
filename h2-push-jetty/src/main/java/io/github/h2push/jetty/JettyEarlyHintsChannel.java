package io.github.h2push.jetty;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;

import io.github.h2push.PushPromise;
import io.github.h2push.PushReason;
import io.github.h2push.spi.PushChannel;

/**
 * The channel of one request on Jetty: refuses every push, and writes a
 * {@code 103 Early Hints} interim response with exactly the given {@code Link} headers.
 */
final class JettyEarlyHintsChannel implements PushChannel {

	private static final Log logger = LogFactory.getLog(JettyEarlyHintsChannel.class);

	private static final Refusal CANNOT_PUSH = new Refusal(PushReason.UNAVAILABLE, "Jetty cannot push");

	// how long the request's thread waits for the interim response to be written
	private static final long WRITE_WAIT_MILLIS = 1000;

	private final String protocol;

	private final Response response;

	JettyEarlyHintsChannel(String protocol, Response response) {
		this.protocol = protocol;
		this.response = response;
	}

	@Override
	public Refusal refusal() {
		return CANNOT_PUSH;
	}

	@Override
	public Answer push(PushPromise promise) {
		return Answer.REFUSED;
	}

	@Override
	public boolean sendEarlyHints(List<String> links, boolean overHttp1) {
		if (links.isEmpty() || this.response.isCommitted() || !allowedOn(overHttp1)) {
			return false;
		}
		HttpFields.Mutable fields = HttpFields.build(links.size());
		links.forEach((link) -> fields.add(HttpHeader.LINK, link));
		CompletableFuture<Void> written = this.response.writeInterim(HttpStatus.EARLY_HINTS_103, fields);
		try {
			written.get(WRITE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			// still being written, ahead of the final response
			return true;
		}
		catch (ExecutionException ex) {
			logger.debug("Jetty did not send the 103 Early Hints", ex.getCause());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	// browsers act on a 103 over HTTP/2 and later only; HTTP/1.0 has no interim responses
	private boolean allowedOn(boolean overHttp1) {
		if (this.protocol.startsWith("HTTP/2") || this.protocol.startsWith("HTTP/3")) {
			return true;
		}
		return overHttp1 && "HTTP/1.1".equals(this.protocol);
	}

}
