package io.github.h2push.undertow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

/**
 * A handler of the deployment's initial chain, after the handler that recognises pushed
 * streams: answers a pushed {@code GET} from the {@link PushedResponseCache} when it holds
 * a fresh response, on the I/O thread and without running the application; otherwise
 * lets the request through and offers its response to the cache once complete.
 */
class PushedResponseCacheHandler implements HttpHandler {

	/**
	 * Marks an exchange on a pushed stream; put by {@link PushedStreamReleasingHandler}.
	 */
	static final AttachmentKey<Boolean> PUSHED = AttachmentKey.create(Boolean.class);

	private final HttpHandler next;

	private final PushedResponseCache cache;

	PushedResponseCacheHandler(HttpHandler next, PushedResponseCache cache) {
		this.next = next;
		this.cache = cache;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		if (exchange.getAttachment(PUSHED) == null || !exchange.getRequestMethod().equals(Methods.GET)) {
			this.next.handleRequest(exchange);
			return;
		}
		String target = exchange.getRequestURI()
				+ (exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString());
		PushedResponseCache.Response cached = this.cache.lookup(target, exchange.getRequestHeaders());
		if (cached != null) {
			exchange.setStatusCode(200);
			for (HeaderValues values : cached.headers()) {
				exchange.getResponseHeaders().putAll(values.getHeaderName(), values);
			}
			exchange.getResponseHeaders().put(Headers.AGE, cached.age());
			exchange.getResponseSender().send(ByteBuffer.wrap(cached.body()));
			return;
		}
		Capture capture = new Capture(this.cache.getMaxEntrySize());
		exchange.addResponseWrapper((factory, wrapped) -> capture.wrap(factory.create()));
		exchange.addExchangeCompleteListener((completed, nextListener) -> {
			try {
				if (capture.isWhole()) {
					this.cache.store(target, completed.getRequestHeaders(), completed.getStatusCode(),
							completed.getResponseHeaders(), capture.body());
				}
			}
			finally {
				nextListener.proceed();
			}
		});
		this.next.handleRequest(exchange);
	}

	// copies what the response writes, while it fits
	private static final class Capture {

		private final int limit;

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		private boolean whole = true;

		private boolean terminated;

		Capture(int limit) {
			this.limit = limit;
		}

		StreamSinkConduit wrap(StreamSinkConduit conduit) {
			return new AbstractStreamSinkConduit<>(conduit) {

				@Override
				public int write(ByteBuffer src) throws IOException {
					return (int) copying(src, () -> super.write(src));
				}

				@Override
				public long write(ByteBuffer[] srcs, int offs, int len) throws IOException {
					return copying(srcs, offs, len, () -> super.write(srcs, offs, len));
				}

				@Override
				public int writeFinal(ByteBuffer src) throws IOException {
					return (int) copying(src, () -> super.writeFinal(src));
				}

				@Override
				public long writeFinal(ByteBuffer[] srcs, int offs, int len) throws IOException {
					return copying(srcs, offs, len, () -> super.writeFinal(srcs, offs, len));
				}

				@Override
				public long transferFrom(FileChannel src, long position, long count) throws IOException {
					Capture.this.whole = false;
					return super.transferFrom(src, position, count);
				}

				@Override
				public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer)
						throws IOException {
					Capture.this.whole = false;
					return super.transferFrom(source, count, throughBuffer);
				}

				@Override
				public void terminateWrites() throws IOException {
					super.terminateWrites();
					Capture.this.terminated = true;
				}

				@Override
				public void truncateWrites() throws IOException {
					Capture.this.whole = false;
					super.truncateWrites();
				}

			};
		}

		private long copying(ByteBuffer buffer, Write write) throws IOException {
			int start = buffer.position();
			long written = write.write();
			copy(buffer, start, buffer.position() - start);
			return written;
		}

		private long copying(ByteBuffer[] buffers, int offset, int length, Write write) throws IOException {
			int[] starts = new int[length];
			for (int i = 0; i < length; i++) {
				starts[i] = buffers[offset + i].position();
			}
			long written = write.write();
			for (int i = 0; i < length; i++) {
				ByteBuffer buffer = buffers[offset + i];
				copy(buffer, starts[i], buffer.position() - starts[i]);
			}
			return written;
		}

		private void copy(ByteBuffer buffer, int start, long count) {
			if (!this.whole || count <= 0) {
				return;
			}
			if (this.body.size() + count > this.limit) {
				this.whole = false;
				return;
			}
			ByteBuffer written = buffer.duplicate();
			written.position(start).limit(start + (int) count);
			byte[] bytes = new byte[(int) count];
			written.get(bytes);
			this.body.writeBytes(bytes);
		}

		@FunctionalInterface
		private interface Write {

			long write() throws IOException;

		}

		boolean isWhole() {
			return this.whole && this.terminated;
		}

		byte[] body() {
			return this.body.toByteArray();
		}

	}

}
