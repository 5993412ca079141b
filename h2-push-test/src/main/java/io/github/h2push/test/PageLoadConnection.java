package io.github.h2push.test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * One request on an HTTP/2 connection of its own, as a browser makes it: push disabled
 * ({@code SETTINGS_ENABLE_PUSH} 0), windows large enough that the server never waits,
 * and every response on the stream recorded, interim ones included. Over TLS the
 * protocol is chosen by ALPN; plain {@code http://} uses prior knowledge.
 */
final class PageLoadConnection {

	private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	private static final int DATA = 0x0;

	private static final int HEADERS = 0x1;

	private static final int RST_STREAM = 0x3;

	private static final int SETTINGS = 0x4;

	private static final int PUSH_PROMISE = 0x5;

	private static final int PING = 0x6;

	private static final int GOAWAY = 0x7;

	private static final int WINDOW_UPDATE = 0x8;

	private static final int CONTINUATION = 0x9;

	private static final int END_STREAM = 0x1;

	private static final int ACK = 0x1;

	private static final int END_HEADERS = 0x4;

	private static final int PADDED = 0x8;

	private static final int PRIORITY = 0x20;

	private static final int STREAM = 1;

	private static final int MAX_WINDOW = Integer.MAX_VALUE;

	private static final int DEFAULT_WINDOW = 65_535;

	private PageLoadConnection() {
	}

	static PushClient.PageLoad load(@Nullable SSLContext sslContext, URI uri, List<String[]> headers,
			Duration timeout) throws IOException {
		boolean tls = "https".equalsIgnoreCase(uri.getScheme());
		if (!tls && !"http".equalsIgnoreCase(uri.getScheme())) {
			throw new IllegalArgumentException("Not an http or https URI: " + uri);
		}
		if (tls && sslContext == null) {
			throw new IllegalStateException("An https URI needs a client created with an SSL context: " + uri);
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : (tls ? 443 : 80);
		try (Socket socket = open(tls ? sslContext : null, uri.getHost(), port, timeout)) {
			OutputStream out = socket.getOutputStream();
			out.write(PREFACE);
			// ENABLE_PUSH 0 and the largest stream window, then the largest connection window
			out.write(frame(SETTINGS, 0, 0, ByteBuffer.allocate(12)
				.putShort((short) 0x2)
				.putInt(0)
				.putShort((short) 0x4)
				.putInt(MAX_WINDOW)
				.array()));
			out.write(frame(WINDOW_UPDATE, 0, 0, ByteBuffer.allocate(4).putInt(MAX_WINDOW - DEFAULT_WINDOW).array()));
			String authority = uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
			String path = ((uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath())
					+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			ByteArrayOutputStream block = new ByteArrayOutputStream();
			literal(block, ":method", "GET");
			literal(block, ":scheme", tls ? "https" : "http");
			literal(block, ":authority", authority);
			literal(block, ":path", path);
			for (String[] header : headers) {
				literal(block, header[0].toLowerCase(Locale.ROOT), header[1]);
			}
			out.write(frame(HEADERS, END_HEADERS | END_STREAM, STREAM, block.toByteArray()));
			out.flush();
			PushClient.PageLoad page = read(new DataInputStream(socket.getInputStream()), out, uri);
			out.write(frame(GOAWAY, 0, 0, ByteBuffer.allocate(8).putInt(STREAM).putInt(0).array()));
			out.flush();
			return page;
		}
		catch (SocketTimeoutException ex) {
			throw new IllegalStateException("No complete response from " + uri + " within " + timeout, ex);
		}
	}

	private static Socket open(@Nullable SSLContext sslContext, String host, int port, Duration timeout)
			throws IOException {
		Socket tcp = new Socket();
		tcp.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
		tcp.setSoTimeout((int) timeout.toMillis());
		tcp.setTcpNoDelay(true);
		if (sslContext == null) {
			return tcp;
		}
		SSLSocket socket = (SSLSocket) sslContext.getSocketFactory().createSocket(tcp, host, port, true);
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setApplicationProtocols(new String[] { "h2" });
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		socket.setSSLParameters(parameters);
		socket.startHandshake();
		if (!"h2".equals(socket.getApplicationProtocol())) {
			socket.close();
			throw new IllegalStateException("The server at " + host + ":" + port
					+ " did not choose HTTP/2 by ALPN (chose '" + socket.getApplicationProtocol() + "')");
		}
		return socket;
	}

	private static PushClient.PageLoad read(DataInputStream in, OutputStream out, URI uri) throws IOException {
		HpackDecoder decoder = new HpackDecoder();
		List<HttpHeaders> earlyHints = new ArrayList<>();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		ByteArrayOutputStream headerBlock = null;
		int headerStream = 0;
		boolean endStreamWithHeaders = false;
		int status = 0;
		HttpHeaders headers = null;
		while (true) {
			int length = (in.readUnsignedShort() << 8) | in.readUnsignedByte();
			int type = in.readUnsignedByte();
			int flags = in.readUnsignedByte();
			int stream = in.readInt() & 0x7fffffff;
			byte[] payload = new byte[length];
			in.readFully(payload);
			if (headerBlock != null && type != CONTINUATION) {
				throw new IllegalStateException("A header block on stream " + headerStream + " was interrupted");
			}
			switch (type) {
				case SETTINGS -> {
					if ((flags & ACK) == 0) {
						out.write(frame(SETTINGS, ACK, 0, new byte[0]));
						out.flush();
					}
				}
				case PING -> {
					if ((flags & ACK) == 0) {
						out.write(frame(PING, ACK, 0, payload));
						out.flush();
					}
				}
				case PUSH_PROMISE -> throw new IllegalStateException(
						"The server pushed on stream " + stream + " although the client's SETTINGS_ENABLE_PUSH was 0");
				case GOAWAY -> throw new IllegalStateException("The server closed the connection (GOAWAY, error "
						+ ByteBuffer.wrap(payload, 4, 4).getInt() + ") before the response to " + uri + " ended");
				case RST_STREAM -> {
					if (stream == STREAM) {
						throw new IllegalStateException("The server reset the stream of " + uri + " (error "
								+ ByteBuffer.wrap(payload).getInt() + ")");
					}
				}
				case HEADERS, CONTINUATION -> {
					byte[] fragment = payload;
					if (type == HEADERS) {
						fragment = headerFragment(payload, flags);
						headerBlock = new ByteArrayOutputStream();
						headerStream = stream;
						endStreamWithHeaders = (flags & END_STREAM) != 0;
					}
					else if (headerBlock == null || stream != headerStream) {
						throw new IllegalStateException("A CONTINUATION frame without its HEADERS on stream " + stream);
					}
					headerBlock.write(fragment);
					if ((flags & END_HEADERS) == 0) {
						continue;
					}
					List<Map.Entry<String, String>> fields = decoder.decode(ByteBuffer.wrap(headerBlock.toByteArray()));
					headerBlock = null;
					if (headerStream != STREAM) {
						continue;
					}
					int code = status(fields);
					if (headers == null && code >= 100 && code < 200) {
						if (code == 103) {
							earlyHints.add(toHeaders(fields));
						}
					}
					else if (headers == null) {
						status = code;
						headers = toHeaders(fields);
					}
					if (endStreamWithHeaders) {
						return page(status, headers, body, earlyHints, uri);
					}
				}
				case DATA -> {
					if (stream == STREAM) {
						int padding = ((flags & PADDED) != 0) ? (payload[0] & 0xff) + 1 : 0;
						body.write(payload, (padding > 0) ? 1 : 0, length - padding);
						if ((flags & END_STREAM) != 0) {
							return page(status, headers, body, earlyHints, uri);
						}
					}
				}
				default -> {
					// WINDOW_UPDATE, PRIORITY and unknown frames need nothing from this client
				}
			}
		}
	}

	private static PushClient.PageLoad page(int status, @Nullable HttpHeaders headers, ByteArrayOutputStream body,
			List<HttpHeaders> earlyHints, URI uri) {
		if (headers == null) {
			throw new IllegalStateException("The stream of " + uri + " ended without a final response");
		}
		return new PushClient.PageLoad(status, headers, body.toString(StandardCharsets.UTF_8),
				List.copyOf(earlyHints));
	}

	private static byte[] headerFragment(byte[] payload, int flags) {
		int start = 0;
		int end = payload.length;
		if ((flags & PADDED) != 0) {
			start = 1;
			end -= payload[0] & 0xff;
		}
		if ((flags & PRIORITY) != 0) {
			start += 5;
		}
		if (start > end) {
			throw new IllegalStateException("A HEADERS frame shorter than its padding");
		}
		return Arrays.copyOfRange(payload, start, end);
	}

	private static int status(List<Map.Entry<String, String>> fields) {
		for (Map.Entry<String, String> field : fields) {
			if (field.getKey().equals(":status")) {
				return Integer.parseInt(field.getValue());
			}
		}
		throw new IllegalStateException("A response header block without :status");
	}

	private static HttpHeaders toHeaders(List<Map.Entry<String, String>> fields) {
		HttpHeaders headers = new HttpHeaders();
		for (Map.Entry<String, String> field : fields) {
			if (!field.getKey().startsWith(":")) {
				headers.add(field.getKey(), field.getValue());
			}
		}
		return HttpHeaders.readOnlyHttpHeaders(headers);
	}

	private static byte[] frame(int type, int flags, int stream, byte[] payload) {
		return ByteBuffer.allocate(9 + payload.length)
			.put((byte) (payload.length >>> 16))
			.put((byte) (payload.length >>> 8))
			.put((byte) payload.length)
			.put((byte) type)
			.put((byte) flags)
			.putInt(stream)
			.put(payload)
			.array();
	}

	// a literal header field without indexing, with a new name and no Huffman coding
	private static void literal(ByteArrayOutputStream block, String name, String value) {
		block.write(0);
		string(block, name);
		string(block, value);
	}

	private static void string(ByteArrayOutputStream block, String value) {
		byte[] octets = value.getBytes(StandardCharsets.ISO_8859_1);
		integer(block, octets.length, 7);
		block.writeBytes(octets);
	}

	private static void integer(ByteArrayOutputStream block, int value, int prefix) {
		int mask = (1 << prefix) - 1;
		if (value < mask) {
			block.write(value);
			return;
		}
		block.write(mask);
		int rest = value - mask;
		while (rest >= 0x80) {
			block.write((rest & 0x7f) | 0x80);
			rest >>>= 7;
		}
		block.write(rest);
	}

}
