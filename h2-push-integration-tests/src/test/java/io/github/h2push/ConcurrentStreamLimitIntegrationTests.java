package io.github.h2push;

import java.util.ArrayList;
import java.util.List;

import io.github.h2push.RawHttp2Client.Ending;
import io.github.h2push.RawHttp2Client.Response;
import io.github.h2push.RawHttp2Client.Setting;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The concurrent-stream limit the server advertises, set here as Undertow's own server
 * option (5): a client that opens more streams gets the extra ones refused, and one that
 * keeps to the limit never does.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.undertow.options.server.HTTP2_SETTINGS_MAX_CONCURRENT_STREAMS="
				+ ConcurrentStreamLimitIntegrationTests.LIMIT)
class ConcurrentStreamLimitIntegrationTests extends RunningServerTests {

	static final int LIMIT = 5;

	@Test
	void streamsBeyondTheAdvertisedLimitAreRefused() throws Exception {
		// no window: the first streams stay open while the others arrive
		try (RawHttp2Client client = RawHttp2Client.connect(this.certificate.createClientSslContext(), this.port,
				Setting.initialWindowSize(0), Setting.enablePush(false))) {
			List<Integer> streams = new ArrayList<>();
			for (int i = 0; i < 8 * LIMIT; i++) {
				streams.add(client.get("/plain"));
			}
			List<Integer> beyond = streams.subList(LIMIT, streams.size());
			client.readUntil(() -> beyond.stream().allMatch((stream) -> client.response(stream).ending() != null));
			List<Integer> first = streams.subList(0, LIMIT);
			client.windowUpdate(0, 1 << 20);
			for (int stream : first) {
				client.windowUpdate(stream, 1 << 20);
			}
			client.readUntil(() -> first.stream().allMatch((stream) -> client.response(stream).ending() != null));
			assertThat(client.serverSetting(RawHttp2Client.SETTINGS_MAX_CONCURRENT_STREAMS)).isEqualTo(LIMIT);
			assertThat(beyond).allSatisfy((stream) -> {
				Response response = client.response(stream);
				assertThat(response.ending()).isEqualTo(Ending.RST_STREAM);
				assertThat(response.resetError()).as("error code").isEqualTo(RawHttp2Client.REFUSED_STREAM);
				assertThat(response.headerBlocks()).isEmpty();
			});
			assertThat(first).allSatisfy((stream) -> assertThat(client.response(stream).body()).isEqualTo("plain"));
			assertThat(client.goAwayError()).isEqualTo(-1);
		}
	}

	@Test
	void clientKeepingToTheLimitIsNeverRefused() throws Exception {
		try (RawHttp2Client client = RawHttp2Client.connect(this.certificate.createClientSslContext(), this.port,
				Setting.enablePush(false))) {
			List<Integer> streams = new ArrayList<>();
			// a new batch as soon as the previous one has ended, hundreds of times
			for (int batch = 0; batch < 100; batch++) {
				List<Integer> batchStreams = new ArrayList<>();
				for (int i = 0; i < LIMIT; i++) {
					batchStreams.add(client.get("/plain"));
				}
				client.readUntil(
						() -> batchStreams.stream().allMatch((stream) -> client.response(stream).ending() != null));
				streams.addAll(batchStreams);
			}
			assertThat(streams).allSatisfy((stream) -> {
				Response response = client.response(stream);
				assertThat(response.ending()).as("ending, reset with %d", response.resetError())
					.isEqualTo(Ending.END_STREAM);
				assertThat(response.body()).isEqualTo("plain");
			});
		}
	}

}
