package io.github.h2push.bench.harness;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback that emulates a network path, because this kernel has no
 * netem: every chunk is delivered a fixed one-way delay after it was read, in each
 * direction, in order; with a bandwidth limit, each direction is also a link of that
 * rate (a chunk leaves the link when the chunks before it have, then travels the
 * delay). The link's buffer has no limit unless one is given: then the proxy stops
 * reading while the link holds that many bytes, and the sender's TCP waits, as behind a
 * bottleneck with a finite queue.
 */
final class DelayProxy implements Closeable {

	/** Largest piece scheduled at once, so a rate-limited link delivers progressively. */
	private static final int SEGMENT = 1460;

	private final ServerSocket server;

	private final InetSocketAddress target;

	private final long delayNanos;

	private final long bitsPerSecond;

	private final long linkBufferBytes;

	private final int socketBuffer;

	private volatile boolean closed;

	/**
	 * Starts a proxy on an ephemeral loopback port.
	 * @param targetPort the server's port on 127.0.0.1
	 * @param oneWayDelayMillis the delay in each direction (half the RTT)
	 * @param bitsPerSecond the rate of each direction, 0 for no limit
	 * @param linkBufferBytes with a rate, the most bytes a direction holds waiting for
	 * its link before the proxy stops reading; 0 for no limit
	 * @param socketBuffer the receive buffer of the proxy's socket towards the server, 0
	 * for the system's
	 */
	DelayProxy(int targetPort, double oneWayDelayMillis, long bitsPerSecond, long linkBufferBytes, int socketBuffer)
			throws IOException {
		this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
		this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
		this.delayNanos = (long) (oneWayDelayMillis * 1_000_000);
		this.bitsPerSecond = bitsPerSecond;
		this.linkBufferBytes = linkBufferBytes;
		this.socketBuffer = socketBuffer;
		Thread acceptor = new Thread(this::accept, "proxy-accept-" + port());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	private void accept() {
		while (!this.closed) {
			Socket client;
			try {
				client = this.server.accept();
			}
			catch (IOException ex) {
				if (!this.closed) {
					System.err.println("proxy: " + ex);
				}
				continue;
			}
			Socket upstream = new Socket();
			try {
				if (this.socketBuffer > 0) {
					upstream.setReceiveBufferSize(this.socketBuffer);
				}
				upstream.setTcpNoDelay(true);
				client.setTcpNoDelay(true);
				upstream.connect(this.target, 5000);
				new Direction(client, upstream, "up").start();
				new Direction(upstream, client, "down").start();
			}
			catch (IOException ex) {
				System.err.println("proxy: " + ex);
				Direction.closeQuietly(upstream);
				Direction.closeQuietly(client);
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.server.close();
	}

	private record Chunk(long due, byte[] bytes) {
	}

	/**
	 * One direction of one connection: a reader that stamps each chunk with its
	 * delivery time, and a writer that delivers it then.
	 */
	private final class Direction {

		private final Socket from;

		private final Socket to;

		private final String name;

		private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();

		private long linkFree;

		Direction(Socket from, Socket to, String name) {
			this.from = from;
			this.to = to;
			this.name = name;
		}

		void start() {
			Thread reader = new Thread(this::read, "proxy-" + this.name + "-read");
			Thread writer = new Thread(this::write, "proxy-" + this.name + "-write");
			reader.setDaemon(true);
			writer.setDaemon(true);
			reader.start();
			writer.start();
		}

		private void read() {
			byte[] buffer = new byte[65536];
			boolean limited = DelayProxy.this.bitsPerSecond > 0 && DelayProxy.this.linkBufferBytes > 0;
			try (InputStream in = this.from.getInputStream()) {
				int n;
				while (true) {
					waitForRoomInLink();
					if ((n = in.read(buffer, 0, limited ? SEGMENT * 8 : buffer.length)) == -1) {
						break;
					}
					long now = System.nanoTime();
					if (DelayProxy.this.bitsPerSecond <= 0) {
						this.queue.add(new Chunk(now + DelayProxy.this.delayNanos, Arrays.copyOf(buffer, n)));
						continue;
					}
					for (int offset = 0; offset < n; offset += SEGMENT) {
						int length = Math.min(SEGMENT, n - offset);
						long start = Math.max(now, this.linkFree);
						this.linkFree = start + length * 8L * 1_000_000_000L / DelayProxy.this.bitsPerSecond;
						this.queue.add(new Chunk(this.linkFree + DelayProxy.this.delayNanos,
								Arrays.copyOfRange(buffer, offset, offset + length)));
					}
				}
			}
			catch (IOException ex) {
				// the connection is gone: deliver what was read, then close
			}
			this.queue.add(new Chunk(Math.max(System.nanoTime(), this.linkFree) + DelayProxy.this.delayNanos, null));
		}

		/** With a finite link buffer, waits until the link has room for more. */
		private void waitForRoomInLink() {
			if (DelayProxy.this.bitsPerSecond <= 0 || DelayProxy.this.linkBufferBytes <= 0) {
				return;
			}
			long full = DelayProxy.this.linkBufferBytes * 8L * 1_000_000_000L / DelayProxy.this.bitsPerSecond;
			long wait;
			while ((wait = this.linkFree - full - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
		}

		private void write() {
			try {
				OutputStream out = this.to.getOutputStream();
				while (true) {
					Chunk chunk = this.queue.take();
					long wait;
					while ((wait = chunk.due() - System.nanoTime()) > 0) {
						LockSupport.parkNanos(wait);
					}
					if (chunk.bytes() == null) {
						break;
					}
					out.write(chunk.bytes());
				}
				this.to.shutdownOutput();
			}
			catch (IOException | InterruptedException ex) {
				closeQuietly(this.to);
				closeQuietly(this.from);
			}
		}

		private static void closeQuietly(Socket socket) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}

	}

}
