package io.github.h2push.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.github.h2push.engine.LinkHeader;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

/**
 * A real HTTP/2 client for tests against a running application
 * ({@code @SpringBootTest(webEnvironment = RANDOM_PORT)}): sends a request with the
 * JDK {@link HttpClient} and returns the response together with every push promise
 * received for it, each with its promised headers, status and body.
 * <p>
 * One instance keeps one connection per origin, so successive requests share it.
 * {@link #navigate} loads a page as browsers do instead, push disabled, and returns the
 * {@code 103 Early Hints} it got too.
 *
 * <pre class="code">
 * PushClient client = PushClient.trusting(developmentCertificate);
 * PushClient.Exchange page = client.get("https://localhost:" + port + "/");
 * assertThat(page.pushedPaths()).containsExactly("/css/site.css", "/js/app.js");
 * </pre>
 *
 * @since 0.1.0
 */
public final class PushClient {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

	private final HttpClient client;

	private final boolean acceptPushes;

	private final Duration timeout;

	@Nullable
	private final SSLContext sslContext;

	private PushClient(HttpClient client, boolean acceptPushes, Duration timeout, @Nullable SSLContext sslContext) {
		this.client = client;
		this.acceptPushes = acceptPushes;
		this.timeout = timeout;
		this.sslContext = sslContext;
	}

	/**
	 * A client that trusts the application's generated development certificate.
	 * @param certificate the development certificate bean
	 * @return the client
	 */
	public static PushClient trusting(DevelopmentCertificate certificate) {
		return create(certificate.createClientSslContext());
	}

	/**
	 * A client that trusts the certificates of a key store: the server's own key store
	 * ({@code server.ssl.key-store}; the certificate of each private key entry is
	 * trusted) or a trust store. For an application configured with {@code server.ssl.*}
	 * instead of the development certificate.
	 * @param keyStore the key store or trust store, loaded
	 * @return the client
	 * @throws IllegalArgumentException if the key store holds no certificate or cannot be
	 * read
	 */
	public static PushClient trusting(KeyStore keyStore) {
		Assert.notNull(keyStore, "'keyStore' must not be null");
		try {
			KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
			trustStore.load(null, null);
			for (String alias : Collections.list(keyStore.aliases())) {
				Certificate certificate = keyStore.getCertificate(alias);
				if (certificate != null) {
					trustStore.setCertificateEntry(alias, certificate);
				}
			}
			Assert.isTrue(trustStore.size() > 0, "'keyStore' holds no certificate");
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trustStore);
			SSLContext sslContext = SSLContext.getInstance("TLS");
			sslContext.init(null, trustManagers.getTrustManagers(), null);
			return create(sslContext);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalArgumentException("Cannot trust the certificates of the key store: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * A client that trusts the server of an SSL bundle ({@code server.ssl.bundle}, read
	 * from the {@code SslBundles} bean): its trust store when it has one, otherwise the
	 * certificates of its key store.
	 * @param bundle the bundle the server uses
	 * @return the client
	 * @throws IllegalArgumentException if the bundle has no store with a certificate
	 */
	public static PushClient trusting(SslBundle bundle) {
		Assert.notNull(bundle, "'bundle' must not be null");
		KeyStore store = (bundle.getStores().getTrustStore() != null) ? bundle.getStores().getTrustStore()
				: bundle.getStores().getKeyStore();
		Assert.notNull(store, "'bundle' has neither a trust store nor a key store");
		return trusting(store);
	}

	/**
	 * A client that uses the given SSL context.
	 * @param sslContext the SSL context, trusting the server's certificate
	 * @return the client
	 */
	public static PushClient create(SSLContext sslContext) {
		return new PushClient(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_2)
			.sslContext(sslContext)
			.connectTimeout(DEFAULT_TIMEOUT)
			.build(), true, DEFAULT_TIMEOUT, sslContext);
	}

	/**
	 * A client for plain HTTP: {@link #get} upgrades to h2c, {@link #navigate} uses h2c
	 * with prior knowledge.
	 * @return the client
	 */
	public static PushClient plain() {
		return new PushClient(
				HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(DEFAULT_TIMEOUT).build(),
				true, DEFAULT_TIMEOUT, null);
	}

	/**
	 * A copy of this client that resets every pushed stream instead of reading it (a
	 * client that ignores promises; the connection still allows push).
	 * @return the client
	 */
	public PushClient ignoringPushes() {
		return new PushClient(this.client, false, this.timeout, this.sslContext);
	}

	/**
	 * The underlying JDK client.
	 * @return the client
	 */
	public HttpClient getHttpClient() {
		return this.client;
	}

	/**
	 * Sends a GET request.
	 * @param uri the URI
	 * @param headers header names and values, alternating
	 * @return the response and the pushes received for it
	 */
	public Exchange get(String uri, String... headers) {
		Assert.isTrue(headers.length % 2 == 0, "Headers must be given as name, value pairs");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(this.timeout);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	/**
	 * Sends a request.
	 * @param request the request
	 * @return the response and the pushes received for it
	 */
	public Exchange send(HttpRequest request) {
		List<Promised> promised = Collections.synchronizedList(new ArrayList<>());
		HttpResponse.PushPromiseHandler<String> pushHandler = (initiating, pushRequest, acceptor) -> {
			if (this.acceptPushes) {
				promised.add(new Promised(pushRequest, acceptor.apply(HttpResponse.BodyHandlers.ofString())));
			}
		};
		try {
			HttpResponse<String> response = this.client
				.sendAsync(request, HttpResponse.BodyHandlers.ofString(), pushHandler)
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			List<PushedResponse> pushes = new ArrayList<>();
			synchronized (promised) {
				for (Promised promise : promised) {
					HttpResponse<String> pushed = promise.response()
						.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
					pushes.add(new PushedResponse(promise.request().uri().getRawPath()
							+ ((promise.request().uri().getRawQuery() != null)
									? "?" + promise.request().uri().getRawQuery() : ""),
							toSpring(promise.request().headers()), pushed.statusCode(), toSpring(pushed.headers()),
							pushed.body()));
				}
			}
			return new Exchange(response, List.copyOf(pushes));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + request.uri(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IllegalStateException("Request " + request.uri() + " failed: " + cause, cause);
		}
	}

	/**
	 * Loads a page as today's browsers do, on a connection of its own: push disabled
	 * ({@code SETTINGS_ENABLE_PUSH} 0), a navigation's headers ({@code accept: text/html},
	 * {@code sec-fetch-mode: navigate}, {@code sec-fetch-dest: document}, each unless
	 * given), and every {@code 103 Early Hints} received before the final response
	 * recorded. The JDK client behind {@link #get} drops interim responses; this request
	 * is made by a minimal HTTP/2 client of this class instead.
	 * <pre class="code">
	 * PushClient.PageLoad page = client.navigate("https://localhost:" + port + "/");
	 * assertThat(page.earlyHintedPaths()).containsExactly("/css/site.css", "/js/app.js");
	 * </pre>
	 * @param uri an {@code https} URI, or {@code http} for h2c with prior knowledge
	 * @param headers header names and values, alternating
	 * @return the final response and the early hints that preceded it
	 * @throws IllegalStateException if the server does not speak HTTP/2, pushes, resets
	 * the stream or does not answer within the timeout
	 */
	public PageLoad navigate(String uri, String... headers) {
		Assert.isTrue(headers.length % 2 == 0, "Headers must be given as name, value pairs");
		List<String[]> fields = new ArrayList<>();
		for (int i = 0; i < headers.length; i += 2) {
			fields.add(new String[] { headers[i], headers[i + 1] });
		}
		addUnlessGiven(fields, "accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		addUnlessGiven(fields, "sec-fetch-mode", "navigate");
		addUnlessGiven(fields, "sec-fetch-dest", "document");
		try {
			return PageLoadConnection.load(this.sslContext, URI.create(uri), fields, this.timeout);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request " + uri + " failed: " + ex, ex);
		}
	}

	private static void addUnlessGiven(List<String[]> fields, String name, String value) {
		if (fields.stream().noneMatch((field) -> field[0].equalsIgnoreCase(name))) {
			fields.add(new String[] { name, value });
		}
	}

	private static HttpHeaders toSpring(java.net.http.HttpHeaders headers) {
		HttpHeaders result = new HttpHeaders();
		headers.map().forEach((name, values) -> {
			if (!name.startsWith(":")) {
				result.addAll(name, values);
			}
		});
		return HttpHeaders.readOnlyHttpHeaders(result);
	}

	private record Promised(HttpRequest request, CompletableFuture<HttpResponse<String>> response) {
	}

	/**
	 * A response and the pushes received for it, in the order promised.
	 *
	 * @param response the response
	 * @param pushes the pushed responses
	 */
	public record Exchange(HttpResponse<String> response, List<PushedResponse> pushes) {

		/**
		 * The promised paths, in order.
		 * @return the paths
		 */
		public List<String> pushedPaths() {
			return this.pushes.stream().map(PushedResponse::path).toList();
		}

	}

	/**
	 * One pushed response.
	 *
	 * @param path the promised path, with its query if any
	 * @param promiseHeaders the request headers in the PUSH_PROMISE, pseudo-headers
	 * excluded
	 * @param status the pushed response's status
	 * @param headers the pushed response's headers
	 * @param body the pushed response's body
	 */
	public record PushedResponse(String path, HttpHeaders promiseHeaders, int status, HttpHeaders headers,
			String body) {
	}

	/**
	 * A page loaded by {@link #navigate}: its final response and the
	 * {@code 103 Early Hints} responses that came before it, in order.
	 *
	 * @param status the final response's status
	 * @param headers the final response's headers
	 * @param body the final response's body, as UTF-8
	 * @param earlyHints the headers of each {@code 103}, pseudo-headers excluded
	 */
	public record PageLoad(int status, HttpHeaders headers, String body, List<HttpHeaders> earlyHints) {

		/**
		 * The {@code Link} header values of the {@code 103} responses, in order.
		 * @return the values, empty when no {@code 103} came
		 */
		public List<String> earlyHintLinks() {
			List<String> links = new ArrayList<>();
			// forEach links against Spring Framework 6.2 and 7 alike, unlike get and getOrEmpty
			this.earlyHints.forEach((hints) -> hints.forEach((name, values) -> {
				if (HttpHeaders.LINK.equalsIgnoreCase(name)) {
					links.addAll(values);
				}
			}));
			return List.copyOf(links);
		}

		/**
		 * The targets the {@code 103} responses hinted, in order: each link of each
		 * {@code Link} value.
		 * @return the targets, such as {@code /css/site.css}
		 */
		public List<String> earlyHintedPaths() {
			return earlyHintLinks().stream()
				.flatMap((value) -> LinkHeader.parse(value).stream())
				.map(LinkHeader.Link::target)
				.toList();
		}

	}

}
