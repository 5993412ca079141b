package io.github.h2push.undertow;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;

/**
 * Writes and reads HTTP/2 frames on a plain socket, for tests whose client must send
 * exactly the frames it chooses.
 */
final class Http2Frames {

	static final String PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

	static final int DATA = 0x0;

	static final int HEADERS = 0x1;

	static final int RST_STREAM = 0x3;

	static final int SETTINGS = 0x4;

	static final int PING = 0x6;

	static final int GOAWAY = 0x7;

	static final int WINDOW_UPDATE = 0x8;

	static final int END_STREAM = 0x1;

	static final int END_HEADERS = 0x4;

	static final int ACK = 0x1;

	private Http2Frames() {
	}

	/**
	 * Starts an Undertow server that speaks HTTP/2 without TLS on a free port.
	 */
	static Undertow startServer(HttpHandler handler) {
		Undertow server = Undertow.builder()
			.setServerOption(UndertowOptions.ENABLE_HTTP2, true)
			.addHttpListener(0, "127.0.0.1")
			.setHandler(handler)
			.build();
		server.start();
		return server;
	}

	/**
	 * The port a server started by {@link #startServer(HttpHandler)} listens on.
	 */
	static int port(Undertow server) {
		return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
	}

	/**
	 * The header block of a GET of a path, as HPACK literals without indexing or
	 * Huffman coding.
	 */
	static byte[] get(String path) {
		ByteBuffer block = ByteBuffer.allocate(256);
		String[] fields = { ":method", "GET", ":scheme", "http", ":path", path, ":authority", "127.0.0.1" };
		for (int i = 0; i < fields.length; i += 2) {
			block.put((byte) 0);
			for (String string : new String[] { fields[i], fields[i + 1] }) {
				byte[] bytes = string.getBytes(StandardCharsets.US_ASCII);
				block.put((byte) bytes.length).put(bytes);
			}
		}
		byte[] result = new byte[block.position()];
		block.flip().get(result);
		return result;
	}

	static void write(OutputStream out, int type, int flags, int streamId, byte[] payload) throws IOException {
		ByteBuffer frame = ByteBuffer.allocate(9 + payload.length);
		frame.put((byte) (payload.length >> 16)).put((byte) (payload.length >> 8)).put((byte) payload.length);
		frame.put((byte) type).put((byte) flags).putInt(streamId).put(payload);
		out.write(frame.array());
		out.flush();
	}

	static Frame read(DataInputStream in) throws IOException {
		byte[] header = new byte[9];
		in.readFully(header);
		ByteBuffer fields = ByteBuffer.wrap(header);
		int length = ((fields.get() & 0xff) << 16) | ((fields.get() & 0xff) << 8) | (fields.get() & 0xff);
		int type = fields.get();
		int flags = fields.get();
		int stream = fields.getInt() & 0x7fffffff;
		byte[] payload = new byte[length];
		in.readFully(payload);
		return new Frame(type, flags, stream, payload);
	}

	/**
	 * A frame read.
	 */
	record Frame(int type, int flags, int streamId, byte[] payload) {

		boolean endsStream() {
			return (this.type == DATA || this.type == HEADERS) && (this.flags & END_STREAM) != 0;
		}

		// of a RST_STREAM or a GOAWAY
		int errorCode() {
			return ByteBuffer.wrap(this.payload).getInt((this.type == GOAWAY) ? 4 : 0);
		}

	}

}
