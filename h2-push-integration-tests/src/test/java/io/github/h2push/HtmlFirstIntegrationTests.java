package io.github.h2push;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.RawHttp2Client.Frame;
import io.github.h2push.RawHttp2Client.Setting;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A page's own response is sent ahead of subresource data already queued on the same
 * HTTP/2 connection ({@code h2-push.html-first.enabled}), without breaking any response.
 * <p>
 * The subresources send their headers at once and their bodies once the client has read
 * every header block and stopped reading, so their data frames pile up; the server's
 * socket send buffer is small, so that they wait in Undertow's frame queue, where the
 * order is decided, rather than in the kernel, where it is not. Each subresource stream
 * then has one frame queued, so with Undertow's order the page waits behind a frame of
 * every one of them.
 */
class HtmlFirstIntegrationTests {

	private static final String SMALL_SEND_BUFFER = "server.undertow.options.socket.SEND_BUFFER=16384";

	// every subresource response holds a worker while it waits for the client
	private static final String WORKERS = "server.undertow.threads.worker=64";

	// and every request of the connection runs at once, so that all their frames are queued together
	private static final String ALL_RUNNING = "h2-push.connection.max-running-requests=0";

	private static final int SUBRESOURCES = 20;

	private static final int SUBRESOURCE_SIZE = 512 * 1024;

	// flow-control window, for the connection and each stream: more than all responses
	private static final int WINDOW = 1 << 30;

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Nested
	@SpringBootTest(classes = { PushTestApplication.class, Subresources.class },
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { SMALL_SEND_BUFFER, WORKERS, ALL_RUNNING })
	class ByDefault extends RunningServerTests {

		@Autowired
		Subresources subresources;

		@Test
		void sendsThePageAheadOfQueuedSubresourceData() throws Exception {
			Placement page = loadPageBehindSubresources(this, this.subresources);
			assertThat(page.streamsAhead).as("subresource streams whose data went ahead of the page: %s", page)
				.hasSizeLessThan(SUBRESOURCES / 2);
			// frames written while the page's own writes were on their way, not queued ahead of them:
			// how many depends on thread timing, so the bound is loose (Undertow's order gives one per stream and more);
			// the page's content ends with its last non-empty frame, as an empty END_STREAM frame may follow much later
			assertThat(page.dataFramesWithin).as("subresource data frames within the page's content: %s", page)
				.isLessThan(SUBRESOURCES);
			assertThat(page.subresourceBytesAfter).as("subresource bytes after the page: %s", page).isPositive();
		}

		@Test
		void keepsEveryResponseIntactUnderMixedRequests() throws Exception {
			try (RawHttp2Client connection = connectNotTakingPushes(this)) {
				List<Integer> big = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					big.add(connection.get("/big.txt?" + i, "sec-fetch-dest", "script"));
				}
				int firstPage = connection.get("/page", "sec-fetch-mode", "navigate", "sec-fetch-dest", "document");
				connection.readUntilHeadersOf(big);
				// the big files fill the socket again once the client stops reading: until they do, a small
				// response asked for next could still be written whole
				awaitBlockedWriters(big.size());
				// with the client not reading, pages, small files and big ones interleave in the queue
				List<Integer> pages = new ArrayList<>(List.of(firstPage));
				List<Integer> small = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					pages.add(connection.get("/page?" + i, "sec-fetch-mode", "navigate", "priority", "u=0, i"));
					small.add(connection.get("/css/site.css?" + i, "sec-fetch-dest", "style", "priority", "u=0"));
					big.add(connection.get("/big.txt?more" + i, "sec-fetch-dest", "script"));
					pages.add(connection.get("/plain?" + i, "priority", "u=0"));
					small.add(connection.get("/js/app.js?" + i, "sec-fetch-dest", "script"));
				}
				// every response then waits in the server's queue, but perhaps the first page's, which
				// may have been read whole with the big files' headers
				awaitBlockedWriters(big.size() + small.size() + pages.size() - 1);
				assertNoStreamResetNorGoAway(connection.readUntilAllEnded());
				for (int stream : big) {
					assertThat(connection.response(stream).status()).isEqualTo(200);
					assertThat(connection.response(stream).bodyLength()).isEqualTo(PushTestApplication.BIG_SIZE);
				}
				for (int stream : small) {
					RawHttp2Client.Response response = connection.response(stream);
					assertThat(response.status()).isEqualTo(200);
					assertThat(response.headerBlocks().get(0).get("content-length"))
						.isEqualTo(String.valueOf(response.bodyLength()));
				}
				for (int stream : pages) {
					assertThat(connection.response(stream).status()).isEqualTo(200);
					assertThat(connection.response(stream).bodyLength()).isPositive();
				}
				assertThat(connection.response(firstPage).headerBlocks().get(0)).containsEntry(":status", "103")
					.containsKey("link");
			}
		}

		@Test
		void keepsPushedAndPageResponsesIntactForAClientThatDecodesThem() throws Exception {
			// five requests (nghttp drops repeated URIs), pushed responses among them
			String frames = Nghttp.run("-nv", "-H", "sec-fetch-mode: navigate", url("/big-page"), url("/page"),
					url("/pushes-nested"), url("/plain"), url("/big-page?again"));
			// nghttp itself says goodbye with a GOAWAY when it is done
			assertThat(frames).doesNotContain("recv GOAWAY")
				.doesNotContain("RST_STREAM")
				.doesNotContain("COMPRESSION_ERROR")
				.doesNotContain("PROTOCOL_ERROR");
			int promises = count(frames, "recv PUSH_PROMISE frame");
			assertThat(promises).isPositive();
			assertThat(count(frames, ":status: 200")).as(frames).isEqualTo(5 + promises);
		}

	}

	@Nested
	@SpringBootTest(classes = { PushTestApplication.class, Subresources.class },
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { SMALL_SEND_BUFFER, WORKERS, ALL_RUNNING, "h2-push.html-first.enabled=false" })
	class WhenOff extends RunningServerTests {

		@Autowired
		Subresources subresources;

		@Test
		void sendsThePageBehindQueuedSubresourceData() throws Exception {
			Placement page = loadPageBehindSubresources(this, this.subresources);
			assertThat(page.streamsAhead).as("subresource streams whose data went ahead of the page: %s", page)
				.hasSizeGreaterThanOrEqualTo(SUBRESOURCES / 2);
		}

	}

	/**
	 * Requests large subresources, reads their headers, lets their data pile up unread,
	 * asks for the page, and then reads everything.
	 */
	private static Placement loadPageBehindSubresources(RunningServerTests server, Subresources bodies)
			throws Exception {
		try (RawHttp2Client connection = connectNotTakingPushes(server)) {
			bodies.hold();
			List<Integer> subresources = new ArrayList<>();
			for (int i = 0; i < SUBRESOURCES; i++) {
				subresources.add(connection.get("/html-first/subresource?" + i, "sec-fetch-mode", "no-cors",
						"sec-fetch-dest", "script"));
			}
			// once its headers are out, a subresource queues bare DATA frames, which the page
			// may pass
			connection.readUntilHeadersOf(subresources);
			bodies.release();
			// each subresource's writer then waits with a frame queued
			await().atMost(WAIT).until(() -> RunningServerTests.blockedWriters() >= SUBRESOURCES);
			int framesRead = connection.framesReceived();
			int page = connection.get("/plain", "sec-fetch-mode", "navigate", "sec-fetch-dest", "document",
					"priority", "u=0, i");
			// and so does the page's, once its response is queued too
			await().atMost(WAIT).until(() -> RunningServerTests.blockedWriters() >= SUBRESOURCES + 1);
			List<Frame> frames = connection.readUntilAllEnded();
			assertNoStreamResetNorGoAway(frames);
			for (int subresource : subresources) {
				assertThat(connection.response(subresource).status()).isEqualTo(200);
				assertThat(connection.response(subresource).bodyLength()).isEqualTo(SUBRESOURCE_SIZE);
			}
			assertThat(connection.response(page).status()).isEqualTo(200);
			return new Placement(frames.subList(framesRead, frames.size()), page);
		}
	}

	/**
	 * Waits for so many writers to block, for at most {@link #WAIT}, and goes on either
	 * way: in some full builds the count was not reached in time (most likely a big file
	 * was sent whole while the client still read the other streams' headers, so its writer
	 * never blocked), and what is checked afterwards must hold however the responses
	 * interleaved.
	 */
	private static void awaitBlockedWriters(int count) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (RunningServerTests.blockedWriters() < count && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
	}

	/**
	 * Connects with large flow-control windows, refusing push, and with a small receive
	 * buffer, so that what the client does not read soon holds up the server.
	 */
	private static RawHttp2Client connectNotTakingPushes(RunningServerTests server) throws IOException {
		RawHttp2Client connection = RawHttp2Client.connect(server.certificate.createClientSslContext(), server.port,
				8192, Setting.enablePush(false), Setting.initialWindowSize(WINDOW));
		connection.windowUpdate(0, WINDOW);
		return connection;
	}

	private static void assertNoStreamResetNorGoAway(List<Frame> frames) {
		assertThat(frames).extracting(Frame::type)
			.as("frames received: %s", frames)
			.doesNotContain(RawHttp2Client.RST_STREAM, RawHttp2Client.GOAWAY);
	}

	private static int count(String text, String part) {
		Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	/**
	 * Where the page's frames came among the subresources' data received after the page
	 * was requested.
	 */
	static final class Placement {

		final Set<Integer> streamsAhead = new HashSet<>();

		long subresourceBytesAhead;

		int dataFramesWithin;

		long subresourceBytesAfter;

		private final StringBuilder pageFrames = new StringBuilder();

		Placement(List<Frame> frames, int page) {
			int first = -1;
			int last = -1;
			for (int i = 0; i < frames.size(); i++) {
				Frame frame = frames.get(i);
				if (frame.streamId() == page) {
					first = (first < 0) ? i : first;
					last = (frame.length() > 0) ? i : last;
					this.pageFrames.append(" #").append(i).append(" type ").append(frame.type()).append(" length ")
						.append(frame.length()).append(" flags ").append(frame.flags());
				}
			}
			assertThat(first).as("the page's frames arrived").isNotNegative();
			for (int i = 0; i < frames.size(); i++) {
				Frame frame = frames.get(i);
				if (frame.type() != RawHttp2Client.DATA || frame.streamId() == page) {
					continue;
				}
				if (i < first) {
					this.streamsAhead.add(frame.streamId());
					this.subresourceBytesAhead += frame.length();
				}
				else if (i > last) {
					this.subresourceBytesAfter += frame.length();
				}
				else {
					this.dataFramesWithin++;
				}
			}
		}

		@Override
		public String toString() {
			return "subresource data ahead of the page: " + this.subresourceBytesAhead + " bytes from "
					+ this.streamsAhead.size() + " streams; subresource data frames within the page: "
					+ this.dataFramesWithin + "; subresource bytes after the page: " + this.subresourceBytesAfter
					+ "; the page's frames:" + this.pageFrames;
		}

	}

	/**
	 * Subresources that send their headers at once and their body when released.
	 */
	@RestController
	static class Subresources {

		private static final byte[] CHUNK = new byte[16 * 1024];

		static {
			Arrays.fill(CHUNK, (byte) 'x');
		}

		private volatile CountDownLatch bodies = new CountDownLatch(0);

		/**
		 * Holds the bodies of the subresources requested from now on until
		 * {@link #release()}.
		 */
		void hold() {
			this.bodies = new CountDownLatch(1);
		}

		void release() {
			this.bodies.countDown();
		}

		@GetMapping("/html-first/subresource")
		void subresource(HttpServletResponse response) throws Exception {
			response.setContentType("text/javascript");
			response.setContentLength(SUBRESOURCE_SIZE);
			response.flushBuffer();
			this.bodies.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			OutputStream body = response.getOutputStream();
			for (int written = 0; written < SUBRESOURCE_SIZE; written += CHUNK.length) {
				body.write(CHUNK);
			}
		}

	}

}
