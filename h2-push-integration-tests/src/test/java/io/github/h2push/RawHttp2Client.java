package io.github.h2push;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A deliberately misbehaving HTTP/2 client for attack tests: it writes frames exactly as
 * told (over TLS with ALPN {@code h2}, HPACK literals without Huffman coding), never
 * opens a flow-control window unless told, and records what the server sends.
 */
final class RawHttp2Client implements Closeable {

	static final int SETTINGS_ENABLE_PUSH = 0x2;

	static final int SETTINGS_INITIAL_WINDOW_SIZE = 0x4;

	static final int CANCEL = 0x8;

	private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	private static final int DATA = 0x0;

	private static final int HEADERS = 0x1;

	private static final int RST_STREAM = 0x3;

	private static final int SETTINGS = 0x4;

	private static final int PUSH_PROMISE = 0x5;

	private static final int PING = 0x6;

	private static final int GOAWAY = 0x7;

	private static final int WINDOW_UPDATE = 0x8;

	private final SSLSocket socket;

	private final OutputStream out;

	private final Thread reader;

	private final CountDownLatch closed = new CountDownLatch(1);

	private final AtomicInteger pushPromises = new AtomicInteger();

	private final AtomicInteger responseHeaders = new AtomicInteger();

	private final Map<Integer, Integer> dataBytes = new ConcurrentHashMap<>();

	private volatile int goAwayError = -1;

	private volatile IntConsumer onPushPromise = (promisedStreamId) -> {
	};

	private int nextStreamId = 1;

	private RawHttp2Client(SSLSocket socket) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		DataInputStream in = new DataInputStream(socket.getInputStream());
		this.reader = new Thread(() -> read(in), "raw-h2-reader");
		this.reader.setDaemon(true);
	}

	/**
	 * Connects to 127.0.0.1 over TLS (trusting any certificate), sends the preface and
	 * the given settings, and starts reading.
	 * @param port the server's port
	 * @param settings setting identifiers and values, in pairs
	 * @return the client
	 */
	static RawHttp2Client connect(int port, int... settings) throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { new TrustingEverything() }, new SecureRandom());
		SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
		socket.setSoTimeout(0);
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setApplicationProtocols(new String[] { "h2" });
		socket.setSSLParameters(parameters);
		socket.startHandshake();
		if (!"h2".equals(socket.getApplicationProtocol())) {
			socket.close();
			throw new IllegalStateException("server did not negotiate h2: " + socket.getApplicationProtocol());
		}
		RawHttp2Client client = new RawHttp2Client(socket);
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		for (int i = 0; i + 1 < settings.length; i += 2) {
			payload.write(settings[i] >>> 8);
			payload.write(settings[i]);
			writeInt(payload, settings[i + 1]);
		}
		synchronized (client) {
			client.out.write(PREFACE);
			client.frame(SETTINGS, 0, 0, payload.toByteArray());
			client.out.flush();
		}
		client.reader.start();
		return client;
	}

	/**
	 * Tells the client what to do when a PUSH_PROMISE arrives, on the reader thread.
	 * @param onPushPromise given the promised stream id
	 */
	void onPushPromise(IntConsumer onPushPromise) {
		this.onPushPromise = onPushPromise;
	}

	/**
	 * Sends a GET in one HEADERS frame with END_STREAM, without flushing.
	 * @param path the path
	 * @param authority the {@code :authority}
	 * @return the stream id
	 */
	synchronized int get(String path, String authority) throws IOException {
		ByteArrayOutputStream block = new ByteArrayOutputStream();
		block.write(0x82); // :method GET
		block.write(0x87); // :scheme https
		literal(block, 4, path); // :path
		literal(block, 1, authority); // :authority
		int streamId = this.nextStreamId;
		this.nextStreamId += 2;
		frame(HEADERS, 0x4 | 0x1, streamId, block.toByteArray());
		return streamId;
	}

	/**
	 * Sends RST_STREAM, without flushing.
	 * @param streamId the stream
	 * @param errorCode the error code
	 */
	synchronized void reset(int streamId, int errorCode) throws IOException {
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		writeInt(payload, errorCode);
		frame(RST_STREAM, 0, streamId, payload.toByteArray());
	}

	/**
	 * Sends WINDOW_UPDATE, without flushing.
	 * @param streamId the stream, 0 for the connection
	 * @param increment the increment
	 */
	synchronized void windowUpdate(int streamId, int increment) throws IOException {
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		writeInt(payload, increment);
		frame(WINDOW_UPDATE, 0, streamId, payload.toByteArray());
	}

	synchronized void flush() throws IOException {
		this.out.flush();
	}

	/**
	 * Whether the server closed the connection, waiting at most the given time.
	 * @param millis how long to wait
	 * @return {@code true} if it is closed
	 */
	boolean awaitClosed(long millis) throws InterruptedException {
		return this.closed.await(millis, TimeUnit.MILLISECONDS);
	}

	boolean isClosed() {
		return this.closed.getCount() == 0;
	}

	/**
	 * The error code of the GOAWAY the server sent.
	 * @return the code, -1 when none arrived
	 */
	int goAwayError() {
		return this.goAwayError;
	}

	int pushPromises() {
		return this.pushPromises.get();
	}

	int responseHeaders() {
		return this.responseHeaders.get();
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	private void read(DataInputStream in) {
		try {
			byte[] header = new byte[9];
			while (true) {
				in.readFully(header);
				int length = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
				int type = header[3] & 0xff;
				int flags = header[4] & 0xff;
				int streamId = ((header[5] & 0x7f) << 24) | ((header[6] & 0xff) << 16) | ((header[7] & 0xff) << 8)
						| (header[8] & 0xff);
				byte[] payload = new byte[length];
				in.readFully(payload);
				switch (type) {
					case SETTINGS -> {
						if ((flags & 0x1) == 0) {
							synchronized (this) {
								frame(SETTINGS, 0x1, 0, new byte[0]);
								this.out.flush();
							}
						}
					}
					case PING -> {
						if ((flags & 0x1) == 0) {
							synchronized (this) {
								frame(PING, 0x1, 0, payload);
								this.out.flush();
							}
						}
					}
					case GOAWAY -> this.goAwayError = readInt(payload, 4);
					case HEADERS -> this.responseHeaders.incrementAndGet();
					case PUSH_PROMISE -> {
						this.pushPromises.incrementAndGet();
						int padding = ((flags & 0x8) != 0) ? 1 : 0;
						this.onPushPromise.accept(readInt(payload, padding) & 0x7fffffff);
					}
					case DATA -> this.dataBytes.merge(streamId, length, Integer::sum);
					default -> {
					}
				}
			}
		}
		catch (EOFException ex) {
			// the server closed the connection
		}
		catch (IOException ex) {
			// closed by either side
		}
		finally {
			this.closed.countDown();
		}
	}

	private void frame(int type, int flags, int streamId, byte[] payload) throws IOException {
		byte[] header = new byte[9];
		header[0] = (byte) (payload.length >>> 16);
		header[1] = (byte) (payload.length >>> 8);
		header[2] = (byte) payload.length;
		header[3] = (byte) type;
		header[4] = (byte) flags;
		header[5] = (byte) (streamId >>> 24);
		header[6] = (byte) (streamId >>> 16);
		header[7] = (byte) (streamId >>> 8);
		header[8] = (byte) streamId;
		this.out.write(header);
		this.out.write(payload);
	}

	// literal header field without indexing, indexed name, raw (not Huffman) value
	private static void literal(ByteArrayOutputStream block, int nameIndex, String value) {
		integer(block, 0x00, 4, nameIndex);
		byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
		integer(block, 0x00, 7, bytes.length);
		block.writeBytes(bytes);
	}

	private static void integer(ByteArrayOutputStream block, int firstBits, int prefixBits, int value) {
		int max = (1 << prefixBits) - 1;
		if (value < max) {
			block.write(firstBits | value);
			return;
		}
		block.write(firstBits | max);
		value -= max;
		while (value >= 128) {
			block.write((value & 0x7f) | 0x80);
			value >>>= 7;
		}
		block.write(value);
	}

	private static void writeInt(ByteArrayOutputStream out, int value) {
		out.write(value >>> 24);
		out.write(value >>> 16);
		out.write(value >>> 8);
		out.write(value);
	}

	private static int readInt(byte[] bytes, int offset) {
		return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16) | ((bytes[offset + 2] & 0xff) << 8)
				| (bytes[offset + 3] & 0xff);
	}

	private static final class TrustingEverything implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
