package io.github.h2push;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.undertow.protocols.http2.HpackDecoder;
import io.undertow.protocols.http2.HpackException;

/**
 * One HTTP/2 GET written frame by frame over TLS, for request headers that real
 * clients refuse to send (nghttp will not send an {@code :authority} it cannot parse).
 * Responses are decoded with Undertow's own HPACK decoder.
 */
final class RawHttp2 {

	private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	private static final int DATA = 0;

	private static final int HEADERS = 1;

	private static final int RST_STREAM = 3;

	private static final int SETTINGS = 4;

	private static final int PUSH_PROMISE = 5;

	private static final int GOAWAY = 7;

	private static final int END_STREAM = 0x1;

	private static final int ACK = 0x1;

	private RawHttp2() {
	}

	/**
	 * Sends {@code GET path} on stream 1 with the given {@code :authority} and reads
	 * until that stream ends.
	 * @param port the server's port
	 * @param certificate the server's certificate, to trust
	 * @param authority the {@code :authority}, sent as it is
	 * @param path the {@code :path}
	 * @return what came back
	 * @throws IOException when the connection fails
	 */
	static Response get(int port, DevelopmentCertificate certificate, String authority, String path)
			throws IOException {
		try (SSLSocket socket = (SSLSocket) certificate.createClientSslContext()
			.getSocketFactory()
			.createSocket("localhost", port)) {
			SSLParameters parameters = socket.getSSLParameters();
			parameters.setApplicationProtocols(new String[] { "h2" });
			socket.setSSLParameters(parameters);
			socket.setSoTimeout(10_000);
			socket.startHandshake();
			if (!"h2".equals(socket.getApplicationProtocol())) {
				throw new IllegalStateException("The server did not negotiate h2");
			}
			OutputStream out = socket.getOutputStream();
			out.write(PREFACE);
			writeFrame(out, SETTINGS, 0, 0, new byte[0]);
			ByteArrayOutputStream block = new ByteArrayOutputStream();
			literal(block, ":method", "GET");
			literal(block, ":scheme", "https");
			literal(block, ":path", path);
			literal(block, ":authority", authority);
			writeFrame(out, HEADERS, 0x4 | END_STREAM, 1, block.toByteArray());
			out.flush();
			return read(new DataInputStream(socket.getInputStream()), out);
		}
	}

	private static Response read(DataInputStream in, OutputStream out) throws IOException {
		HpackDecoder decoder = new HpackDecoder();
		List<Map<String, String>> headerBlocks = new ArrayList<>();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int promises = 0;
		while (true) {
			int length = (in.readUnsignedShort() << 8) | in.readUnsignedByte();
			int type = in.readUnsignedByte();
			int flags = in.readUnsignedByte();
			int stream = in.readInt() & 0x7fffffff;
			byte[] payload = new byte[length];
			in.readFully(payload);
			if (type == SETTINGS && (flags & ACK) == 0) {
				writeFrame(out, SETTINGS, ACK, 0, new byte[0]);
				out.flush();
			}
			else if (type == PUSH_PROMISE) {
				promises++;
				// keep the decoder's table in step: the block follows the promised stream id
				decode(decoder, ByteBuffer.wrap(payload, 4, length - 4));
			}
			else if (type == HEADERS) {
				Map<String, String> headers = decode(decoder, ByteBuffer.wrap(payload));
				if (stream == 1) {
					headerBlocks.add(headers);
				}
			}
			else if (type == DATA && stream == 1) {
				body.write(payload);
			}
			else if ((type == RST_STREAM && stream == 1) || type == GOAWAY) {
				return new Response(headerBlocks, body.toString(StandardCharsets.UTF_8), promises, type);
			}
			if (stream == 1 && (type == HEADERS || type == DATA) && (flags & END_STREAM) != 0) {
				return new Response(headerBlocks, body.toString(StandardCharsets.UTF_8), promises, -1);
			}
		}
	}

	private static Map<String, String> decode(HpackDecoder decoder, ByteBuffer block) throws IOException {
		Map<String, String> headers = new LinkedHashMap<>();
		decoder.setHeaderEmitter((name, value, neverIndex) -> headers.merge(name.toString(), value,
				(first, second) -> first + ", " + second));
		try {
			decoder.decode(block, false);
		}
		catch (HpackException ex) {
			throw new IOException(ex);
		}
		return headers;
	}

	// a literal header field without indexing, new name, no Huffman coding
	private static void literal(ByteArrayOutputStream block, String name, String value) {
		block.write(0);
		string(block, name);
		string(block, value);
	}

	private static void string(ByteArrayOutputStream block, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
		int length = bytes.length;
		if (length < 127) {
			block.write(length);
		}
		else {
			block.write(127);
			length -= 127;
			while (length >= 128) {
				block.write((length & 0x7f) | 0x80);
				length >>>= 7;
			}
			block.write(length);
		}
		block.write(bytes, 0, bytes.length);
	}

	private static void writeFrame(OutputStream out, int type, int flags, int stream, byte[] payload)
			throws IOException {
		out.write(new byte[] { (byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length,
				(byte) type, (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8),
				(byte) stream });
		out.write(payload);
	}

	/**
	 * What came back on stream 1.
	 *
	 * @param headerBlocks the header blocks of stream 1, interim responses first
	 * @param body the body
	 * @param pushPromises how many PUSH_PROMISE frames arrived
	 * @param endFrame {@code RST_STREAM} (3) or {@code GOAWAY} (7) when one ended the
	 * exchange, -1 when the stream ended normally
	 */
	record Response(List<Map<String, String>> headerBlocks, String body, int pushPromises, int endFrame) {

		int status() {
			for (int i = this.headerBlocks.size() - 1; i >= 0; i--) {
				String status = this.headerBlocks.get(i).get(":status");
				if (status != null) {
					return Integer.parseInt(status);
				}
			}
			return -1;
		}

	}

}
