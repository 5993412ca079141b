package io.github.h2push;

import jakarta.servlet.http.HttpServletRequest;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import io.undertow.server.SSLSessionInfo;
import io.undertow.servlet.handlers.ServletRequestContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests of one HTTP/2 connection over TLS share one record of its TLS session,
 * which tells each of them, as Undertow's own record would, the cipher suite and that the
 * client sent no certificate; another connection has its own.
 */
@SpringBootTest(classes = { PushTestApplication.class, TlsSessionIntegrationTests.SessionController.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TlsSessionIntegrationTests extends RunningServerTests {

	@Test
	void requestsOfOneConnectionShareTheRecordOfItsTlsSession() {
		PushClient client = PushClient.trusting(this.certificate);
		String first = client.get(url("/tls-session")).response().body();
		String second = client.get(url("/tls-session")).response().body();
		String otherConnection = PushClient.trusting(this.certificate).get(url("/tls-session")).response().body();
		assertThat(first).startsWith("TLS_").endsWith(", no client certificate");
		assertThat(second).isEqualTo(first);
		assertThat(otherConnection).startsWith("TLS_").isNotEqualTo(first);
	}

	@RestController
	static class SessionController {

		@GetMapping("/tls-session")
		String session(HttpServletRequest request) {
			SSLSessionInfo info = ServletRequestContext.requireCurrent()
				.getExchange()
				.getConnection()
				.getSslSessionInfo();
			boolean certificate = request.getAttribute("jakarta.servlet.request.X509Certificate") != null;
			return request.getAttribute("jakarta.servlet.request.cipher_suite") + ", record "
					+ System.identityHashCode(info) + ", "
					+ (certificate ? "client certificate" : "no client certificate");
		}

	}

}
