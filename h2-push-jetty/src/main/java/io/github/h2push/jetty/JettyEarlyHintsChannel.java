package io.github.h2push.jetty;

import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;

import io.github.h2push.spi.EarlyHintsOnlyChannel;

/**
 * The channel of one request on Jetty: refuses every push, and writes a
 * {@code 103 Early Hints} interim response with exactly the given {@code Link} headers.
 */
final class JettyEarlyHintsChannel extends EarlyHintsOnlyChannel {

	private static final Log logger = LogFactory.getLog(JettyEarlyHintsChannel.class);


	private final Response response;

	JettyEarlyHintsChannel(String protocol, Response response) {
		super("Jetty", protocol);
		this.response = response;
	}

	@Override
	public boolean sendEarlyHints(List<String> links, boolean overHttp1) {
		if (links.isEmpty() || this.response.isCommitted() || !isEarlyHintsAllowed(overHttp1)) {
			return false;
		}
		HttpFields.Mutable fields = HttpFields.build(links.size());
		links.forEach((link) -> fields.add(HttpHeader.LINK, link));
		// until written, as Jetty's own sendEarlyHints waits: the page's first write must not meet a
		// pending one (the connection's idle timeout bounds a client that reads nothing)
		try {
			this.response.writeInterim(HttpStatus.EARLY_HINTS_103, fields).get();
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
		catch (RuntimeException ex) {
			logger.debug("Jetty did not send the 103 Early Hints", ex);
			return false;
		}
	}


}
