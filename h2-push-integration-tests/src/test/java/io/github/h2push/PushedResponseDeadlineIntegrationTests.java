package io.github.h2push;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.h2push.RawHttp2Client.Ending;
import io.github.h2push.RawHttp2Client.Response;
import io.github.h2push.RawHttp2Client.Setting;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline of pushed responses (1 s here) abandons only what waits for the client's
 * flow-control window: a pushed response that a slow but willing client is still
 * receiving keeps its connection and the connection's other streams.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "h2-push.connection.pushed-response-timeout=1s")
class PushedResponseDeadlineIntegrationTests extends RunningServerTests {

	// far more than the pushed file: flow control never holds its frames
	private static final int WINDOW = 1 << 26;

	@Test
	void pushedResponseStillBeingWrittenToASlowReaderAtTheDeadlineKeepsTheConnection() throws Exception {
		try (RawHttp2Client client = RawHttp2Client.connect(this.certificate.createClientSslContext(), this.port,
				4096, Setting.initialWindowSize(WINDOW))) {
			client.windowUpdate(0, WINDOW);
			AtomicInteger pushedStream = new AtomicInteger();
			client.onPushPromise(pushedStream::set);
			int page = client.get("/huge-page");
			client.readUntil(() -> pushedStream.get() != 0);
			// the socket buffers fill up and the pushed file's frames wait in the server's
			// queue, past the deadline
			Thread.sleep(2500);
			client.readUntil(() -> client.response(page).ending() != null);
			int pushed = pushedStream.get();
			client.readUntilEnded(pushed);
			int plain = client.get("/plain");
			client.readUntilEnded(plain);
			Response pushedResponse = client.response(pushed);
			assertThat(client.goAwayError()).as("GOAWAY error code").isEqualTo(-1);
			assertThat(client.response(page).body()).isEqualTo("huge page");
			assertThat(pushedResponse.ending())
				.as("pushed stream, reset with %d after %d bytes", pushedResponse.resetError(),
						pushedResponse.bodyLength())
				.isEqualTo(Ending.END_STREAM);
			assertThat(pushedResponse.bodyLength()).isEqualTo(PushTestApplication.HUGE_SIZE);
			assertThat(client.response(plain).body()).isEqualTo("plain");
			assertThat(client.isClosed()).isFalse();
		}
	}

}
