package io.github.h2push;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import io.undertow.protocols.http2.HpackDecoder;
import io.undertow.protocols.http2.HpackException;

/**
 * An HTTP/2 client over TLS that sends requests and reads the answer only when told,
 * so that a test can let the server's frames pile up and then see the exact order the
 * server wrote them in. It decodes every header block in arrival order with one HPACK
 * decoder, as a browser does, so a block sent out of encoding order fails the read.
 */
final class RawHttp2Connection implements AutoCloseable {

	static final int DATA = 0x0;

	static final int HEADERS = 0x1;

	static final int RST_STREAM = 0x3;

	static final int SETTINGS = 0x4;

	static final int PING = 0x6;

	static final int GOAWAY = 0x7;

	static final int CONTINUATION = 0x9;

	private static final int END_STREAM = 0x1;

	private static final int END_HEADERS = 0x4;

	private static final int PADDED = 0x8;

	private static final int PRIORITY = 0x20;

	private static final int WINDOW = 1 << 30;

	private final SSLSocket socket;

	private final OutputStream out;

	private final DataInputStream in;

	private final String authority;

	private final HpackDecoder decoder = new HpackDecoder();

	private final Set<Integer> open = new HashSet<>();

	private final Map<Integer, Response> responses = new LinkedHashMap<>();

	private final List<Frame> frames = new ArrayList<>();

	private int nextStreamId = 1;

	private ByteArrayOutputStream headerBlock;

	private int headerStream;

	private boolean headerBlockEndsStream;

	/**
	 * Opens a connection with large flow-control windows, push refused, and a small
	 * receive buffer, so that what the client does not read soon holds up the server.
	 */
	RawHttp2Connection(SSLContext sslContext, int port, int receiveBuffer) throws IOException {
		this.socket = (SSLSocket) sslContext.getSocketFactory().createSocket();
		this.socket.setReceiveBufferSize(receiveBuffer);
		this.socket.connect(new InetSocketAddress("localhost", port), 10_000);
		this.socket.setSoTimeout(20_000);
		SSLParameters parameters = this.socket.getSSLParameters();
		parameters.setApplicationProtocols(new String[] { "h2" });
		this.socket.setSSLParameters(parameters);
		this.socket.startHandshake();
		if (!"h2".equals(this.socket.getApplicationProtocol())) {
			throw new IOException("server did not agree to h2: " + this.socket.getApplicationProtocol());
		}
		this.authority = "localhost:" + port;
		this.out = this.socket.getOutputStream();
		this.in = new DataInputStream(this.socket.getInputStream());
		this.out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		ByteBuffer settings = ByteBuffer.allocate(12);
		settings.putShort((short) 0x2).putInt(0); // ENABLE_PUSH
		settings.putShort((short) 0x4).putInt(WINDOW); // INITIAL_WINDOW_SIZE
		writeFrame(SETTINGS, 0, 0, settings.array());
		writeFrame(0x8, 0, 0, ByteBuffer.allocate(4).putInt(WINDOW).array()); // WINDOW_UPDATE
		this.out.flush();
	}

	/**
	 * Sends a GET.
	 * @return the stream id
	 */
	int get(String path, String... headerNamesAndValues) throws IOException {
		int streamId = this.nextStreamId;
		this.nextStreamId += 2;
		ByteArrayOutputStream block = new ByteArrayOutputStream();
		literal(block, ":method", "GET");
		literal(block, ":scheme", "https");
		literal(block, ":authority", this.authority);
		literal(block, ":path", path);
		for (int i = 0; i < headerNamesAndValues.length; i += 2) {
			literal(block, headerNamesAndValues[i], headerNamesAndValues[i + 1]);
		}
		writeFrame(HEADERS, END_STREAM | END_HEADERS, streamId, block.toByteArray());
		this.out.flush();
		this.open.add(streamId);
		this.responses.put(streamId, new Response(streamId));
		return streamId;
	}

	/**
	 * Reads frames until every stream has ended, answering SETTINGS and PING.
	 * @return every frame received so far, in order
	 */
	List<Frame> readUntilAllEnded() throws IOException, HpackException {
		return readUntil(this.open::isEmpty);
	}

	/**
	 * Reads frames until each of the streams has received a header block.
	 * @return every frame received so far, in order
	 */
	List<Frame> readUntilHeadersOf(List<Integer> streamIds) throws IOException, HpackException {
		return readUntil(() -> streamIds.stream().allMatch((id) -> !this.responses.get(id).headerBlocks.isEmpty()));
	}

	private List<Frame> readUntil(BooleanSupplier done) throws IOException, HpackException {
		while (!done.getAsBoolean()) {
			readFrame();
		}
		return this.frames;
	}

	private void readFrame() throws IOException, HpackException {
		int length = (this.in.readUnsignedByte() << 16) | this.in.readUnsignedShort();
		int type = this.in.readUnsignedByte();
		int flags = this.in.readUnsignedByte();
		int streamId = this.in.readInt() & 0x7fffffff;
		byte[] payload = new byte[length];
		this.in.readFully(payload);
		Frame frame = new Frame(type, flags, streamId, length);
		this.frames.add(frame);
		switch (type) {
			case DATA -> {
				this.responses.get(streamId).bodyBytes += dataLength(flags, payload);
				endIfLast(streamId, flags);
			}
			case HEADERS -> {
				this.headerBlock = new ByteArrayOutputStream();
				this.headerStream = streamId;
				this.headerBlockEndsStream = (flags & END_STREAM) != 0;
				this.headerBlock.write(headerFragment(flags, payload));
				if ((flags & END_HEADERS) != 0) {
					endHeaderBlock(frame);
				}
			}
			case CONTINUATION -> {
				if (this.headerBlock == null || streamId != this.headerStream) {
					throw new IOException("CONTINUATION out of place: " + frame);
				}
				this.headerBlock.write(payload);
				if ((flags & END_HEADERS) != 0) {
					endHeaderBlock(frame);
				}
			}
			case SETTINGS -> {
				if ((flags & 0x1) == 0) {
					writeFrame(SETTINGS, 0x1, 0, new byte[0]);
					this.out.flush();
				}
			}
			case PING -> {
				if ((flags & 0x1) == 0) {
					writeFrame(PING, 0x1, 0, payload);
					this.out.flush();
				}
			}
			case RST_STREAM, GOAWAY -> throw new IOException("server sent " + frame + " after " + this.frames);
			default -> {
			}
		}
	}

	private void endHeaderBlock(Frame frame) throws HpackException {
		decode(this.headerStream, this.headerBlock.toByteArray(), frame);
		this.headerBlock = null;
		endIfLast(this.headerStream, this.headerBlockEndsStream ? END_STREAM : 0);
	}

	/**
	 * How many frames were received so far.
	 */
	int framesReceived() {
		return this.frames.size();
	}

	Response response(int streamId) {
		return this.responses.get(streamId);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private void decode(int streamId, byte[] block, Frame frame) throws HpackException {
		Response response = this.responses.get(streamId);
		Map<String, String> headers = new LinkedHashMap<>();
		this.decoder.setHeaderEmitter((name, value, neverIndex) -> headers.put(name.toString(), value));
		ByteBuffer buffer = ByteBuffer.wrap(block);
		this.decoder.decode(buffer, false);
		if (buffer.hasRemaining()) {
			throw new HpackException();
		}
		frame.status = headers.get(":status");
		response.headerBlocks.add(headers);
	}

	private void endIfLast(int streamId, int flags) {
		if ((flags & END_STREAM) != 0) {
			this.open.remove(streamId);
		}
	}

	private static int dataLength(int flags, byte[] payload) {
		return ((flags & PADDED) != 0) ? payload.length - 1 - (payload[0] & 0xff) : payload.length;
	}

	private static byte[] headerFragment(int flags, byte[] payload) {
		int start = 0;
		int end = payload.length;
		if ((flags & PADDED) != 0) {
			end -= payload[0] & 0xff;
			start++;
		}
		if ((flags & PRIORITY) != 0) {
			start += 5;
		}
		byte[] fragment = new byte[end - start];
		System.arraycopy(payload, start, fragment, 0, fragment.length);
		return fragment;
	}

	// a literal header field without indexing, new name, no Huffman coding (RFC 7541 6.2.2)
	private static void literal(ByteArrayOutputStream block, String name, String value) {
		block.write(0);
		string(block, name.getBytes(StandardCharsets.US_ASCII));
		string(block, value.getBytes(StandardCharsets.US_ASCII));
	}

	private static void string(ByteArrayOutputStream block, byte[] bytes) {
		if (bytes.length >= 127) {
			throw new IllegalArgumentException("too long for this client: " + bytes.length);
		}
		block.write(bytes.length);
		block.write(bytes, 0, bytes.length);
	}

	private void writeFrame(int type, int flags, int streamId, byte[] payload) throws IOException {
		ByteBuffer header = ByteBuffer.allocate(9);
		header.put((byte) (payload.length >> 16)).putShort((short) payload.length);
		header.put((byte) type).put((byte) flags).putInt(streamId);
		this.out.write(header.array());
		this.out.write(payload);
	}

	/**
	 * A frame as received; {@code status} is the {@code :status} of a header block it
	 * completed.
	 */
	static final class Frame {

		final int type;

		final int flags;

		final int streamId;

		final int length;

		String status;

		Frame(int type, int flags, int streamId, int length) {
			this.type = type;
			this.flags = flags;
			this.streamId = streamId;
			this.length = length;
		}

		@Override
		public String toString() {
			return "type " + this.type + " stream " + this.streamId + " length " + this.length
					+ ((this.status != null) ? " :status " + this.status : "");
		}

	}

	/**
	 * What one stream received.
	 */
	static final class Response {

		final int streamId;

		final List<Map<String, String>> headerBlocks = new ArrayList<>();

		long bodyBytes;

		Response(int streamId) {
			this.streamId = streamId;
		}

		String finalStatus() {
			return this.headerBlocks.stream()
				.map((headers) -> headers.get(":status"))
				.filter((status) -> status != null && !status.startsWith("1"))
				.findFirst()
				.orElse(null);
		}

	}

}
