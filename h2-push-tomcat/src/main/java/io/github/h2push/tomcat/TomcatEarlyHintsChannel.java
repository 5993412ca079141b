package io.github.h2push.tomcat;

import java.io.IOException;
import java.util.List;

import org.apache.catalina.connector.Response;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.MimeHeaders;

import io.github.h2push.spi.EarlyHintsOnlyChannel;

import org.springframework.lang.Nullable;

/**
 * The channel of one request on Tomcat: refuses every push, and sends a
 * {@code 103 Early Hints} with exactly the given {@code Link} headers.
 */
final class TomcatEarlyHintsChannel extends EarlyHintsOnlyChannel {

	private static final Log logger = LogFactory.getLog(TomcatEarlyHintsChannel.class);

	@Nullable
	private final Response response;

	TomcatEarlyHintsChannel(String protocol, @Nullable Response response) {
		super("Tomcat", protocol);
		this.response = response;
	}

	// Tomcat writes an HTTP/1.1 103 into the socket buffer without flushing it: it would leave
	// with the final response, too late to help, so only HTTP/2 gets one
	@Override
	protected boolean isEarlyHintsAllowed(boolean overHttp1) {
		return super.isEarlyHintsAllowed(false);
	}

	@Override
	public boolean sendEarlyHints(List<String> links, boolean overHttp1) {
		if (this.response == null || links.isEmpty() || this.response.isCommitted()
				|| !isEarlyHintsAllowed(overHttp1)) {
			return false;
		}
		MimeHeaders headers = this.response.getCoyoteResponse().getMimeHeaders();
		MimeHeaders saved = new MimeHeaders();
		try {
			saved.duplicate(headers);
		}
		catch (IOException ex) {
			return false;
		}
		headers.recycle();
		try {
			for (String link : links) {
				headers.addValue("Link").setString(link);
			}
			this.response.sendEarlyHints();
			return true;
		}
		catch (RuntimeException ex) {
			logger.debug("Tomcat did not send the 103 Early Hints", ex);
			return false;
		}
		finally {
			headers.recycle();
			try {
				headers.duplicate(saved);
			}
			catch (IOException ex) {
				// duplicate only copies bytes already in memory
				throw new IllegalStateException(ex);
			}
		}
	}


}
