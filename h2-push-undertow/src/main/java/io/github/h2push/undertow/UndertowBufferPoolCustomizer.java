package io.github.h2push.undertow;

import java.util.ArrayList;
import java.util.List;

import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;

import org.springframework.boot.web.embedded.undertow.UndertowBuilderCustomizer;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

/**
 * Gives Undertow a buffer pool that keeps freed buffers for reuse.
 * <p>
 * The pool Undertow's builder makes by default keeps at most 4 free buffers per thread
 * and releases every other buffer it is given back. Over HTTP/2 a frame's buffer is
 * usually taken on a worker thread and given back on the connection's I/O thread, so
 * nearly every frame allocated a new (direct, zeroed) buffer and released another. This
 * pool is Undertow's own {@link DefaultByteBufferPool} with a shared queue of up to
 * {@code pooledBuffers} free buffers beside the per-thread caches; it holds no more
 * buffers than were in use at once. Buffer size and direct buffers are as Spring Boot
 * and Undertow choose them ({@code server.undertow.buffer-size},
 * {@code server.undertow.direct-buffers}, else Undertow's defaults from the heap size).
 * It is applied before the application's own builder customizers, so a pool one of
 * them sets is the one used.
 *
 * @since 0.1.0
 */
public class UndertowBufferPoolCustomizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

	// as Undertow's builder
	private static final int THREAD_LOCAL_CACHE_SIZE = 4;

	private final int pooledBuffers;

	@Nullable
	private final Integer bufferSize;

	@Nullable
	private final Boolean directBuffers;

	/**
	 * Creates a customizer.
	 * @param pooledBuffers how many free buffers the shared queue keeps; 0 leaves
	 * Undertow's own pool
	 * @param bufferSize the buffer size in bytes set for the server, {@code null} for
	 * Undertow's default
	 * @param directBuffers whether buffers are direct as set for the server, {@code null}
	 * for Undertow's default
	 */
	public UndertowBufferPoolCustomizer(int pooledBuffers, @Nullable Integer bufferSize,
			@Nullable Boolean directBuffers) {
		Assert.isTrue(pooledBuffers >= 0, "pooledBuffers must not be negative");
		this.pooledBuffers = pooledBuffers;
		this.bufferSize = bufferSize;
		this.directBuffers = directBuffers;
	}

	@Override
	public void customize(UndertowServletWebServerFactory factory) {
		if (this.pooledBuffers > 0) {
			// first, so that a pool the application sets in its own builder customizer wins
			List<UndertowBuilderCustomizer> customizers = new ArrayList<>();
			customizers.add(this::customize);
			customizers.addAll(factory.getBuilderCustomizers());
			factory.setBuilderCustomizers(customizers);
		}
	}

	private void customize(Undertow.Builder builder) {
		long maxMemory = Runtime.getRuntime().maxMemory();
		builder.setByteBufferPool(new DefaultByteBufferPool(isDirect(maxMemory), bufferSize(maxMemory),
				this.pooledBuffers, THREAD_LOCAL_CACHE_SIZE));
	}

	// Undertow's builder: heap buffers of 512 bytes under 64 MB of heap, direct ones of
	// 1 KB under 128 MB, else direct ones of 16 KB less room for protocol headers
	boolean isDirect(long maxMemory) {
		return (this.directBuffers != null) ? this.directBuffers : maxMemory >= 64L * 1024 * 1024;
	}

	int bufferSize(long maxMemory) {
		if (this.bufferSize != null) {
			return this.bufferSize;
		}
		if (maxMemory < 64L * 1024 * 1024) {
			return 512;
		}
		return (maxMemory < 128L * 1024 * 1024) ? 1024 : 16 * 1024 - 20;
	}

}
