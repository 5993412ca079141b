package io.github.h2push;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import io.undertow.protocols.http2.HpackDecoder;
import io.undertow.protocols.http2.HpackException;

import org.springframework.util.Assert;

/**
 * An HTTP/2 client over TLS for tests that need what real clients will not do: send an
 * {@code :authority} nghttp refuses, give streams no flow-control window, reset every
 * request at once, or stop reading so that the server's frames pile up in the order the
 * server wrote them.
 * <p>
 * It writes each frame exactly as told, at once, in a TLS record of its own: requests as
 * HPACK literals without indexing or Huffman coding, and no WINDOW_UPDATE unless told. It
 * answers SETTINGS and PING, and records every frame the server sends and what each
 * stream received. It decodes every header block in arrival order with one of
 * Undertow's HPACK decoders, as a browser does, so a block the server encoded out of
 * order fails the read.
 * <p>
 * Frames are read only when a test asks ({@link #readUntil(BooleanSupplier)}), or all the
 * time on a daemon thread once {@link #startReading()} was called.
 */
final class RawHttp2Client implements Closeable {

	/**
	 * RST_STREAM and GOAWAY error code: the stream is no longer needed.
	 */
	static final int CANCEL = 0x8;

	/**
	 * GOAWAY error code: the peer is generating excessive load.
	 */
	static final int ENHANCE_YOUR_CALM = 0xb;

	/**
	 * RST_STREAM error code: the stream was refused before any of it was processed.
	 */
	static final int REFUSED_STREAM = 0x7;

	/**
	 * Identifier of the setting that limits how many streams the peer may open at once.
	 */
	static final int SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;

	static final int DATA = 0x0;

	static final int HEADERS = 0x1;

	static final int RST_STREAM = 0x3;

	static final int SETTINGS = 0x4;

	static final int PUSH_PROMISE = 0x5;

	static final int PING = 0x6;

	static final int GOAWAY = 0x7;

	static final int WINDOW_UPDATE = 0x8;

	static final int CONTINUATION = 0x9;

	private static final int END_STREAM = 0x1;

	private static final int ACK = 0x1;

	private static final int END_HEADERS = 0x4;

	private static final int PADDED = 0x8;

	private static final int PRIORITY = 0x20;

	private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	// how long a read waits when a test reads: a test waiting longer has gone wrong
	private static final int READ_TIMEOUT_MILLIS = 20_000;

	private final SSLSocket socket;

	private final DataInputStream in;

	// guarded by itself, so that frames written by different threads do not interleave
	private final OutputStream out;

	private final String authority;

	// used by the reading thread only, as is headerBlock
	private final HpackDecoder decoder = new HpackDecoder();

	private HeaderBlock headerBlock;

	// guarded by this
	private final Map<Integer, Stream> streams = new LinkedHashMap<>();

	private final List<Frame> frames = new ArrayList<>();

	private int pushPromises;

	private int goAwayError = -1;

	private int goAwayLastStreamId = -1;

	private final Map<Integer, Integer> serverSettings = new LinkedHashMap<>();

	private int nextStreamId = 1;

	private volatile IntConsumer onPushPromise = (promisedStreamId) -> {
	};

	private volatile boolean reading;

	private volatile boolean closed;

	private RawHttp2Client(SSLSocket socket, String authority) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
		this.authority = authority;
	}

	/**
	 * Connects to the server on localhost, negotiates h2, and sends the connection
	 * preface with the given settings.
	 * @param sslContext trusts the server's certificate
	 * @param port the server's port
	 * @param settings the settings to send
	 * @return the client, not yet reading
	 * @throws IOException when the connection fails or the server does not speak h2
	 */
	static RawHttp2Client connect(SSLContext sslContext, int port, Setting... settings) throws IOException {
		return connect(sslContext, port, 0, settings);
	}

	/**
	 * Connects to the server on localhost with the given socket receive buffer,
	 * negotiates h2, and sends the connection preface with the given settings.
	 * @param sslContext trusts the server's certificate
	 * @param port the server's port
	 * @param receiveBufferSize the socket's receive buffer size, 0 for the system's: with
	 * a small one, what the client does not read soon holds up the server
	 * @param settings the settings to send
	 * @return the client, not yet reading
	 * @throws IOException when the connection fails or the server does not speak h2
	 */
	static RawHttp2Client connect(SSLContext sslContext, int port, int receiveBufferSize, Setting... settings)
			throws IOException {
		SSLSocket socket = (SSLSocket) sslContext.getSocketFactory().createSocket();
		try {
			if (receiveBufferSize > 0) {
				socket.setReceiveBufferSize(receiveBufferSize);
			}
			socket.connect(new InetSocketAddress("localhost", port), 10_000);
			socket.setSoTimeout(READ_TIMEOUT_MILLIS);
			SSLParameters parameters = socket.getSSLParameters();
			parameters.setApplicationProtocols(new String[] { "h2" });
			socket.setSSLParameters(parameters);
			socket.startHandshake();
			if (!"h2".equals(socket.getApplicationProtocol())) {
				throw new IOException("The server did not negotiate h2: " + socket.getApplicationProtocol());
			}
			RawHttp2Client client = new RawHttp2Client(socket, "localhost:" + port);
			client.sendPreface(settings);
			return client;
		}
		catch (IOException | RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	private void sendPreface(Setting... settings) throws IOException {
		ByteBuffer payload = ByteBuffer.allocate(6 * settings.length);
		for (Setting setting : settings) {
			payload.putShort((short) setting.identifier()).putInt(setting.value());
		}
		synchronized (this.out) {
			this.out.write(PREFACE);
			writeFrame(SETTINGS, 0, 0, payload.array());
		}
	}

	/**
	 * Writes a GET in one HEADERS frame that ends the stream.
	 * @param path the {@code :path}
	 * @param headerNamesAndValues further header fields, names and values in turn, sent
	 * as given; one named like a pseudo-header of the request replaces it (the
	 * {@code :authority} is {@code localhost:<port>} otherwise)
	 * @return the stream id
	 * @throws IOException when the connection is closed
	 */
	int get(String path, String... headerNamesAndValues) throws IOException {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(":method", "GET");
		fields.put(":scheme", "https");
		fields.put(":authority", this.authority);
		fields.put(":path", path);
		for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
			fields.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
		}
		ByteArrayOutputStream block = new ByteArrayOutputStream();
		fields.forEach((name, value) -> literal(block, name, value));
		synchronized (this.out) {
			int streamId;
			synchronized (this) {
				streamId = this.nextStreamId;
				this.nextStreamId += 2;
				this.streams.put(streamId, new Stream(streamId));
			}
			writeFrame(HEADERS, END_HEADERS | END_STREAM, streamId, block.toByteArray());
			return streamId;
		}
	}

	/**
	 * Writes RST_STREAM.
	 * @param streamId the stream
	 * @param errorCode the error code
	 * @throws IOException when the connection is closed
	 */
	void reset(int streamId, int errorCode) throws IOException {
		writeFrame(RST_STREAM, 0, streamId, ByteBuffer.allocate(4).putInt(errorCode).array());
	}

	/**
	 * Writes WINDOW_UPDATE.
	 * @param streamId the stream, 0 for the connection
	 * @param increment the increment
	 * @throws IOException when the connection is closed
	 */
	void windowUpdate(int streamId, int increment) throws IOException {
		writeFrame(WINDOW_UPDATE, 0, streamId, ByteBuffer.allocate(4).putInt(increment).array());
	}

	/**
	 * Tells the client what to do when a PUSH_PROMISE arrives, on the thread reading it.
	 * @param onPushPromise given the promised stream id
	 */
	void onPushPromise(IntConsumer onPushPromise) {
		this.onPushPromise = onPushPromise;
	}

	/**
	 * Reads every frame from now on, on a daemon thread, until the connection closes.
	 * @throws IOException when the connection is closed
	 */
	void startReading() throws IOException {
		Assert.state(!this.reading, "Already reading");
		// the server may have nothing to say for a long time
		this.socket.setSoTimeout(0);
		this.reading = true;
		Thread reader = new Thread(() -> {
			try {
				while (true) {
					readFrame();
				}
			}
			catch (IOException ex) {
				// the connection closed, on either side
			}
		}, "raw-h2-reader");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Reads frames until the condition holds.
	 * @param condition checked before each frame
	 * @return every frame received so far, in order
	 * @throws IOException when the connection ends first or the server is silent for
	 * 20 s
	 */
	List<Frame> readUntil(BooleanSupplier condition) throws IOException {
		Assert.state(!this.reading, "Frames are read in the background");
		while (!condition.getAsBoolean()) {
			readFrame();
		}
		return frames();
	}

	/**
	 * Reads until the stream has ended.
	 * @param streamId the stream
	 * @return every frame received so far, in order
	 * @throws IOException when the connection ends first
	 * @see #readUntil(BooleanSupplier)
	 */
	List<Frame> readUntilEnded(int streamId) throws IOException {
		return readUntil(() -> hasEnded(streamId));
	}

	/**
	 * Reads until every stream the client opened has ended.
	 * @return every frame received so far, in order
	 * @throws IOException when the connection ends first
	 * @see #readUntil(BooleanSupplier)
	 */
	List<Frame> readUntilAllEnded() throws IOException {
		return readUntil(this::haveAllRequestsEnded);
	}

	/**
	 * Reads until each of the streams has received a header block, or ended without.
	 * @param streamIds the streams
	 * @return every frame received so far, in order
	 * @throws IOException when the connection ends first
	 * @see #readUntil(BooleanSupplier)
	 */
	List<Frame> readUntilHeadersOf(Collection<Integer> streamIds) throws IOException {
		return readUntil(() -> streamIds.stream().allMatch(this::hasHeaders));
	}

	private synchronized boolean haveAllRequestsEnded() {
		return this.streams.values().stream().allMatch((stream) -> stream.isPushed() || stream.ending != null);
	}

	private synchronized boolean hasEnded(int streamId) {
		return existing(streamId).ending != null;
	}

	private synchronized boolean hasHeaders(int streamId) {
		Stream stream = existing(streamId);
		return !stream.headerBlocks.isEmpty() || stream.ending != null;
	}

	/**
	 * What one stream has received so far.
	 * @param streamId a stream the client opened or was promised
	 * @return a copy
	 */
	synchronized Response response(int streamId) {
		return existing(streamId).response();
	}

	/**
	 * How many of the streams the client opened have received a header block.
	 * @return the count
	 */
	synchronized int answeredRequests() {
		return (int) this.streams.values()
			.stream()
			.filter((stream) -> !stream.isPushed() && !stream.headerBlocks.isEmpty())
			.count();
	}

	/**
	 * Every frame received so far, in order.
	 * @return a copy
	 */
	synchronized List<Frame> frames() {
		return List.copyOf(this.frames);
	}

	synchronized int framesReceived() {
		return this.frames.size();
	}

	synchronized int pushPromises() {
		return this.pushPromises;
	}

	/**
	 * The error code of the GOAWAY the server sent.
	 * @return the code, -1 when none arrived
	 */
	synchronized int goAwayError() {
		return this.goAwayError;
	}

	/**
	 * The last stream id of the GOAWAY the server sent: the last of the client's streams
	 * that it may have processed.
	 * @return the stream id, -1 when no GOAWAY arrived
	 */
	synchronized int goAwayLastStreamId() {
		return this.goAwayLastStreamId;
	}

	/**
	 * The latest value of a setting the server sent.
	 * @param identifier the setting's identifier, such as
	 * {@link #SETTINGS_MAX_CONCURRENT_STREAMS}
	 * @return its value, -1 when the server has not sent it
	 */
	synchronized int serverSetting(int identifier) {
		return this.serverSettings.getOrDefault(identifier, -1);
	}

	/**
	 * Whether the connection is closed: by the server, noticed when reading, or by
	 * {@link #close()}.
	 * @return {@code true} if it is closed
	 */
	boolean isClosed() {
		return this.closed;
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closed anyway
		}
	}

	private void readFrame() throws IOException {
		int length;
		int type;
		int flags;
		int streamId;
		byte[] payload;
		try {
			length = (this.in.readUnsignedByte() << 16) | this.in.readUnsignedShort();
			type = this.in.readUnsignedByte();
			flags = this.in.readUnsignedByte();
			streamId = this.in.readInt() & 0x7fffffff;
			payload = new byte[length];
			this.in.readFully(payload);
		}
		catch (IOException ex) {
			this.closed = true;
			throw ex;
		}
		int promisedStreamId = 0;
		synchronized (this) {
			String status = null;
			switch (type) {
				case DATA -> {
					Stream stream = stream(streamId);
					writeContent(stream.body, payload, flags, 0);
					if ((flags & END_STREAM) != 0) {
						stream.end(Ending.END_STREAM);
					}
				}
				case HEADERS -> {
					this.headerBlock = new HeaderBlock(streamId, 0, (flags & END_STREAM) != 0);
					writeContent(this.headerBlock.fragments, payload, flags, ((flags & PRIORITY) != 0) ? 5 : 0);
					status = endHeaderBlockIfLast(flags);
				}
				case PUSH_PROMISE -> {
					this.pushPromises++;
					promisedStreamId = ByteBuffer.wrap(payload, ((flags & PADDED) != 0) ? 1 : 0, 4).getInt()
							& 0x7fffffff;
					this.streams.put(promisedStreamId, new Stream(promisedStreamId));
					this.headerBlock = new HeaderBlock(streamId, promisedStreamId, false);
					writeContent(this.headerBlock.fragments, payload, flags, 4);
					status = endHeaderBlockIfLast(flags);
				}
				case CONTINUATION -> {
					Assert.state(this.headerBlock != null && this.headerBlock.streamId == streamId,
							() -> "CONTINUATION out of place: stream " + streamId + " after " + this.frames);
					this.headerBlock.fragments.write(payload, 0, length);
					status = endHeaderBlockIfLast(flags);
				}
				case RST_STREAM -> stream(streamId).reset(ByteBuffer.wrap(payload).getInt());
				case SETTINGS -> {
					ByteBuffer settings = ByteBuffer.wrap(payload);
					while (settings.remaining() >= 6) {
						this.serverSettings.put(settings.getShort() & 0xffff, settings.getInt());
					}
				}
				case GOAWAY -> {
					this.goAwayLastStreamId = ByteBuffer.wrap(payload, 0, 4).getInt() & 0x7fffffff;
					this.goAwayError = ByteBuffer.wrap(payload, 4, 4).getInt();
					this.streams.values().forEach((stream) -> stream.end(Ending.GOAWAY));
				}
				default -> {
				}
			}
			this.frames.add(new Frame(type, flags, streamId, length, status));
		}
		if ((type == SETTINGS || type == PING) && (flags & ACK) == 0) {
			writeFrame(type, ACK, 0, (type == PING) ? payload : new byte[0]);
		}
		if (promisedStreamId != 0) {
			this.onPushPromise.accept(promisedStreamId);
		}
	}

	// the :status of the block if this frame ended it
	private String endHeaderBlockIfLast(int flags) {
		if ((flags & END_HEADERS) == 0) {
			return null;
		}
		HeaderBlock block = this.headerBlock;
		this.headerBlock = null;
		Map<String, String> fields = decode(block.fragments.toByteArray());
		Stream stream = stream(block.streamId);
		if (block.promisedStreamId != 0) {
			stream.promises.add(fields);
		}
		else {
			stream.headerBlocks.add(fields);
			if (block.endsStream) {
				stream.end(Ending.END_STREAM);
			}
		}
		return fields.get(":status");
	}

	private Map<String, String> decode(byte[] block) {
		Map<String, String> fields = new LinkedHashMap<>();
		this.decoder.setHeaderEmitter((name, value, neverIndex) -> fields.merge(name.toString(), value,
				(first, second) -> first + ", " + second));
		ByteBuffer buffer = ByteBuffer.wrap(block);
		try {
			this.decoder.decode(buffer, false);
		}
		catch (HpackException ex) {
			throw new IllegalStateException("Header block does not decode, after " + this.frames, ex);
		}
		Assert.state(!buffer.hasRemaining(), () -> "Header block does not decode whole, after " + this.frames);
		return fields;
	}

	private Stream existing(int streamId) {
		Stream stream = this.streams.get(streamId);
		Assert.notNull(stream, () -> "No stream " + streamId);
		return stream;
	}

	private Stream stream(int streamId) {
		return this.streams.computeIfAbsent(streamId, Stream::new);
	}

	// a DATA, HEADERS or PUSH_PROMISE frame's content: after the pad length and the fields
	// before it, without the padding
	private static void writeContent(ByteArrayOutputStream content, byte[] payload, int flags, int fieldsBefore) {
		boolean padded = (flags & PADDED) != 0;
		int start = (padded ? 1 : 0) + fieldsBefore;
		int end = payload.length - (padded ? payload[0] & 0xff : 0);
		content.write(payload, start, end - start);
	}

	private void writeFrame(int type, int flags, int streamId, byte[] payload) throws IOException {
		ByteBuffer frame = ByteBuffer.allocate(9 + payload.length);
		frame.put((byte) (payload.length >>> 16)).putShort((short) payload.length);
		frame.put((byte) type).put((byte) flags).putInt(streamId).put(payload);
		synchronized (this.out) {
			this.out.write(frame.array());
		}
	}

	// a literal header field without indexing, with a new name, no Huffman coding (RFC
	// 7541, 6.2.2)
	private static void literal(ByteArrayOutputStream block, String name, String value) {
		block.write(0);
		string(block, name);
		string(block, value);
	}

	// a string literal's length is an integer with a 7-bit prefix (RFC 7541, 5.1)
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
		block.writeBytes(bytes);
	}

	/**
	 * A setting the client sends in its first SETTINGS frame.
	 *
	 * @param identifier the setting's identifier
	 * @param value its value
	 */
	record Setting(int identifier, int value) {

		static Setting enablePush(boolean enabled) {
			return new Setting(0x2, enabled ? 1 : 0);
		}

		static Setting initialWindowSize(int size) {
			return new Setting(0x4, size);
		}

	}

	/**
	 * How a stream ended.
	 */
	enum Ending {

		/**
		 * A HEADERS or DATA frame with END_STREAM.
		 */
		END_STREAM,

		/**
		 * The server reset the stream.
		 */
		RST_STREAM,

		/**
		 * The server sent GOAWAY while the stream was open; what came later is recorded,
		 * but does not change how it ended.
		 */
		GOAWAY

	}

	/**
	 * A frame as received.
	 *
	 * @param type the frame type
	 * @param flags the flags
	 * @param streamId the stream
	 * @param length the payload's length, padding included
	 * @param status the {@code :status} of the header block this frame completed, if any
	 */
	record Frame(int type, int flags, int streamId, int length, String status) {

		@Override
		public String toString() {
			return "type " + this.type + " stream " + this.streamId + " length " + this.length
					+ ((this.status != null) ? " :status " + this.status : "");
		}

	}

	/**
	 * What one stream had received when it was asked for.
	 *
	 * @param streamId the stream
	 * @param headerBlocks its header blocks, interim responses first
	 * @param promises the header blocks of the PUSH_PROMISE frames sent on it
	 * @param body the body, as UTF-8
	 * @param bodyLength the body's length in bytes
	 * @param ending how it ended, {@code null} while it is open
	 * @param resetError the error code of the RST_STREAM that ended it, -1 if none did
	 */
	record Response(int streamId, List<Map<String, String>> headerBlocks, List<Map<String, String>> promises,
			String body, int bodyLength, Ending ending, int resetError) {

		/**
		 * The final status.
		 * @return the first {@code :status} that is not informational, -1 if none came
		 */
		int status() {
			return this.headerBlocks.stream()
				.map((fields) -> fields.get(":status"))
				.filter((status) -> status != null && !status.startsWith("1"))
				.mapToInt(Integer::parseInt)
				.findFirst()
				.orElse(-1);
		}

	}

	/**
	 * What one stream has received, as it arrives.
	 */
	private static final class Stream {

		private final int streamId;

		private final List<Map<String, String>> headerBlocks = new ArrayList<>();

		private final List<Map<String, String>> promises = new ArrayList<>();

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		private Ending ending;

		private int resetError = -1;

		Stream(int streamId) {
			this.streamId = streamId;
		}

		boolean isPushed() {
			return this.streamId % 2 == 0;
		}

		void end(Ending ending) {
			if (this.ending == null) {
				this.ending = ending;
			}
		}

		void reset(int errorCode) {
			if (this.ending == null) {
				this.ending = Ending.RST_STREAM;
				this.resetError = errorCode;
			}
		}

		Response response() {
			return new Response(this.streamId, List.copyOf(this.headerBlocks), List.copyOf(this.promises),
					this.body.toString(StandardCharsets.UTF_8), this.body.size(), this.ending, this.resetError);
		}

	}

	/**
	 * A header block being received: HEADERS or PUSH_PROMISE, then CONTINUATION frames.
	 */
	private static final class HeaderBlock {

		private final int streamId;

		private final int promisedStreamId;

		private final boolean endsStream;

		private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();

		HeaderBlock(int streamId, int promisedStreamId, boolean endsStream) {
			this.streamId = streamId;
			this.promisedStreamId = promisedStreamId;
			this.endsStream = endsStream;
		}

	}

}
