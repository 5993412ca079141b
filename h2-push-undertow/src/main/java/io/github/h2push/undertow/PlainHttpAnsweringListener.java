package io.github.h2push.undertow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.OpenListener;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Pooled;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.channels.AcceptingChannel;
import org.xnio.conduits.PushBackStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;

import org.springframework.lang.Nullable;

/**
 * Accepts connections on an HTTPS port itself and looks at the first bytes before TLS
 * does: a TLS record goes on to Undertow's TLS and open listener unchanged (the bytes
 * pushed back), anything else is answered in plain HTTP/1.1 — a redirect to
 * {@code https://} for a request line and {@code Host} it can read, else a
 * {@code 400} saying the port needs TLS — and closed. Without it, Undertow says nothing
 * and the client waits. A connection that sends nothing is closed after the server's
 * no-request timeout.
 */
final class PlainHttpAnsweringListener implements ChannelListener<AcceptingChannel<StreamConnection>> {

	private static final int PEEK_SIZE = 4096;

	// a TLS record starts with its content type: handshake (22); also alert (21)
	private static final int TLS_HANDSHAKE = 0x16;

	private static final int TLS_ALERT = 0x15;

	private static final Pattern REQUEST_LINE = Pattern.compile("^[A-Z]{3,10} (/[\\x21-\\x7e]*) HTTP/1\\.[01]\r\n");

	private static final Pattern HOST = Pattern
		.compile("\r\n[Hh][Oo][Ss][Tt]:[ \t]*((?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?)[ \t]*\r\n");

	private final AcceptingChannel<? extends StreamConnection> tcpServer;

	private final UndertowXnioSsl ssl;

	private final OptionMap sslOptions;

	private final OpenListener openListener;

	private final int noRequestTimeout;

	/**
	 * Creates a listener.
	 * @param tcpServer the TCP server of the HTTPS listener
	 * @param ssl the listener's TLS
	 * @param sslOptions the engine settings of the listener's own TLS accept
	 * @param openListener the listener's open listener
	 * @param noRequestTimeout how many milliseconds a connection may wait before sending
	 * its first bytes, 0 or less for no limit
	 */
	PlainHttpAnsweringListener(AcceptingChannel<? extends StreamConnection> tcpServer, UndertowXnioSsl ssl,
			OptionMap sslOptions, OpenListener openListener, int noRequestTimeout) {
		this.tcpServer = tcpServer;
		this.ssl = ssl;
		this.sslOptions = sslOptions;
		this.openListener = openListener;
		this.noRequestTimeout = noRequestTimeout;
	}

	@Override
	public void handleEvent(AcceptingChannel<StreamConnection> channel) {
		StreamConnection connection;
		try {
			while ((connection = this.tcpServer.accept()) != null) {
				new FirstBytes(connection).handleEvent(connection);
			}
		}
		catch (IOException ex) {
			// a failed accept concerns that connection only
		}
	}

	/**
	 * Waits for a connection's first bytes, without blocking the I/O thread, and for no
	 * longer than the no-request timeout.
	 */
	private final class FirstBytes implements ChannelListener<StreamConnection> {

		private final StreamConnection connection;

		private final ByteBuffer buffer = ByteBuffer.allocate(PEEK_SIZE);

		@Nullable
		private XnioExecutor.Key timeout;

		FirstBytes(StreamConnection connection) {
			this.connection = connection;
		}

		@Override
		public void handleEvent(StreamConnection ignored) {
			try {
				int read = this.connection.getSourceChannel().read(this.buffer);
				if (read == -1) {
					close();
					return;
				}
				if (this.buffer.position() == 0) {
					if (this.timeout == null) {
						waitForBytes();
					}
					return;
				}
				cancelTimeout();
				this.connection.getSourceChannel().suspendReads();
				this.connection.getSourceChannel().getReadSetter().set(null);
				this.buffer.flip();
				int first = this.buffer.get(0) & 0xff;
				if (first == TLS_HANDSHAKE || first == TLS_ALERT || (first & 0x80) != 0) {
					handOverToTls();
				}
				else {
					answer();
				}
			}
			catch (IOException | RuntimeException ex) {
				close();
			}
		}

		// the first wait: the read listener is called again when bytes arrive
		private void waitForBytes() {
			this.connection.getSourceChannel().getReadSetter().set((source) -> handleEvent(this.connection));
			this.connection.getSourceChannel().resumeReads();
			int millis = PlainHttpAnsweringListener.this.noRequestTimeout;
			// without a limit, a key that removes nothing marks the wait as begun
			this.timeout = (millis > 0)
					? this.connection.getIoThread().executeAfter(this::close, millis, TimeUnit.MILLISECONDS)
					: XnioExecutor.Key.IMMEDIATE;
		}

		private void close() {
			cancelTimeout();
			IoUtils.safeClose(this.connection);
		}

		private void cancelTimeout() {
			if (this.timeout != null) {
				this.timeout.remove();
			}
		}

		private void handOverToTls() {
			StreamSourceConduit raw = this.connection.getSourceChannel().getConduit();
			PushBackStreamSourceConduit pushBack = new PushBackStreamSourceConduit(raw);
			pushBack.pushBack(new PeekedBytes(this.buffer));
			this.connection.getSourceChannel().setConduit(pushBack);
			PlainHttpAnsweringListener.this.openListener
				.handleEvent(PlainHttpAnsweringListener.this.ssl.wrapExistingConnection(this.connection,
						PlainHttpAnsweringListener.this.sslOptions, false));
		}

		private void answer() throws IOException {
			String head = StandardCharsets.ISO_8859_1.decode(this.buffer.duplicate()).toString();
			String location = location(head);
			String response = (location != null) ? redirect(location) : badRequest();
			ByteBuffer out = ByteBuffer.wrap(response.getBytes(StandardCharsets.ISO_8859_1));
			// small enough for an empty socket buffer; whatever does not fit is dropped
			this.connection.getSinkChannel().write(out);
			this.connection.getSinkChannel().shutdownWrites();
			this.connection.getSinkChannel().flush();
			IoUtils.safeClose(this.connection);
		}

	}

	/**
	 * The bytes read before deciding, given back to TLS to read first.
	 */
	private static final class PeekedBytes implements Pooled<ByteBuffer> {

		private final ByteBuffer bytes;

		PeekedBytes(ByteBuffer bytes) {
			this.bytes = bytes;
		}

		@Override
		public ByteBuffer getResource() {
			return this.bytes;
		}

		@Override
		public void discard() {
		}

		@Override
		public void free() {
		}

		@Override
		public void close() {
		}

	}

	@Nullable
	static String location(String head) {
		Matcher requestLine = REQUEST_LINE.matcher(head);
		Matcher host = HOST.matcher(head);
		if (!requestLine.find() || !host.find()) {
			return null;
		}
		return "https://" + host.group(1).toLowerCase(Locale.ROOT) + requestLine.group(1);
	}

	private static String redirect(String location) {
		String body = "This port serves HTTPS: " + location + "\n";
		return "HTTP/1.1 307 Temporary Redirect\r\nLocation: " + location + "\r\n" + headers(body) + body;
	}

	private static String badRequest() {
		String body = "This port serves HTTPS: use https:// instead of http://.\n";
		return "HTTP/1.1 400 Bad Request\r\n" + headers(body) + body;
	}

	private static String headers(String body) {
		return "Content-Type: text/plain; charset=US-ASCII\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n";
	}

}
