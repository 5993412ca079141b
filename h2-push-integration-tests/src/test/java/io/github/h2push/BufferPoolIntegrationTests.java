package io.github.h2push;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.servlet.handlers.ServletRequestContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Undertow's buffer pool keeps a buffer given back on another thread than the one that
 * took it, as HTTP/2 does with nearly every frame ({@code h2-push.pooled-buffers}), and
 * keeps the buffer size and kind Spring Boot is configured with.
 */
class BufferPoolIntegrationTests {

	@Nested
	@SpringBootTest(classes = { PushTestApplication.class, PoolProbe.class },
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	class ByDefault extends RunningServerTests {

		@Test
		void reusesABufferReleasedOnAnotherThread() {
			assertThat(probe(this, "/buffer-pool/reuse")).isEqualTo("reused");
		}

		@Test
		void keepsUndertowsBufferSizeAndKind() {
			assertThat(probe(this, "/buffer-pool/size")).isEqualTo((16 * 1024 - 20) + " direct");
		}

	}

	@Nested
	@SpringBootTest(classes = { PushTestApplication.class, PoolProbe.class },
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "server.undertow.buffer-size=8KB", "server.undertow.direct-buffers=false" })
	class WithBootsBufferSettings extends RunningServerTests {

		@Test
		void usesThem() {
			assertThat(probe(this, "/buffer-pool/size")).isEqualTo("8192 heap");
			assertThat(probe(this, "/buffer-pool/reuse")).isEqualTo("reused");
		}

	}

	@Nested
	@SpringBootTest(classes = { PushTestApplication.class, PoolProbe.class },
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "h2-push.pooled-buffers=0")
	class WhenOff extends RunningServerTests {

		@Test
		void undertowsOwnPoolReleasesTheBuffer() {
			assertThat(probe(this, "/buffer-pool/reuse")).isEqualTo("not reused");
		}

	}

	private static String probe(RunningServerTests server, String path) {
		PushClient.Exchange exchange = PushClient.trusting(server.certificate).get(server.url(path));
		assertThat(exchange.response().statusCode()).isEqualTo(200);
		return exchange.response().body();
	}

	/**
	 * Reads the pool of the request's connection.
	 */
	@RestController
	static class PoolProbe {

		// more than the pool keeps, so a kept buffer is among them
		private static final int TAKEN = 600;

		@GetMapping("/buffer-pool/size")
		String size() {
			ByteBufferPool pool = pool();
			return pool.getBufferSize() + (pool.isDirect() ? " direct" : " heap");
		}

		/**
		 * Marks a buffer taken on one thread, gives it back on a second, and looks for the
		 * mark among buffers taken on a third: buffers are cleared, not zeroed, when
		 * reused, and a new direct buffer is zeroed.
		 */
		@GetMapping("/buffer-pool/reuse")
		String reuse() throws Exception {
			ByteBufferPool pool = pool();
			long mark = ThreadLocalRandom.current().nextLong() | 1;
			PooledByteBuffer marked = onNewThread(() -> {
				PooledByteBuffer buffer = pool.allocate();
				buffer.getBuffer().putLong(0, mark);
				return buffer;
			});
			onNewThread(() -> {
				marked.close();
				return null;
			});
			return onNewThread(() -> {
				List<PooledByteBuffer> taken = new ArrayList<>();
				try {
					boolean found = false;
					for (int i = 0; i < TAKEN && !found; i++) {
						PooledByteBuffer buffer = pool.allocate();
						taken.add(buffer);
						ByteBuffer bytes = buffer.getBuffer();
						found = bytes.capacity() >= Long.BYTES && bytes.getLong(0) == mark;
					}
					return found ? "reused" : "not reused";
				}
				finally {
					taken.forEach(PooledByteBuffer::close);
				}
			});
		}

		private static ByteBufferPool pool() {
			return ServletRequestContext.requireCurrent().getExchange().getConnection().getByteBufferPool();
		}

		private static <T> T onNewThread(Callable<T> task) throws Exception {
			ExecutorService thread = Executors.newSingleThreadExecutor();
			try {
				return thread.submit(task).get();
			}
			finally {
				thread.shutdown();
			}
		}

	}

}
