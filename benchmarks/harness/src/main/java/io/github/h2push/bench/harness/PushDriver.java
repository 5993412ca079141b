package io.github.h2push.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A pushing client: the JDK {@link HttpClient} on one HTTP/2 connection, accepting every
 * push promise, loading {@code /sustained?n=…} pages (three distinct pushes each) with a
 * few loads, with their pushes, in flight.
 */
final class PushDriver {

	private final SSLContext sslContext;

	PushDriver(Path cert) throws IOException {
		try (InputStream in = Files.newInputStream(cert)) {
			KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
			trust.load(null, null);
			trust.setCertificateEntry("bench", CertificateFactory.getInstance("X.509").generateCertificate(in));
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trust);
			this.sslContext = SSLContext.getInstance("TLS");
			this.sslContext.init(null, factory.getTrustManagers(), null);
		}
		catch (GeneralSecurityException ex) {
			throw new IOException(ex);
		}
	}

	/**
	 * Sends {@code GET path} on a new HTTP/2 connection, retrying until the server answers.
	 * @return the nanoTime of the answer
	 */
	long firstAnswer(int port, String path, long timeoutMillis) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_2)
			.sslContext(this.sslContext)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
		while (true) {
			try {
				HttpResponse<Void> response = client.send(
						HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path)).build(),
						BodyHandlers.discarding());
				if (response.statusCode() == 200 && response.version() == HttpClient.Version.HTTP_2) {
					return System.nanoTime();
				}
				throw new IOException("GET " + path + " answered " + response.statusCode() + " over " + response.version());
			}
			catch (IOException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(5);
			}
		}
	}

	/** What a run delivered. */
	record Result(long loads, long failedLoads, long serverPushed, long pushesPromised, long pushesDelivered,
			long pushesFailed, double seconds, Map<String, Long> notPushed) {

		long pushesExpected() {
			return this.loads * 3;
		}

		double pushesPerSecond() {
			return this.pushesDelivered / this.seconds;
		}

	}

	/**
	 * Loads {@code loads} pages on one new connection.
	 * @param port the app's port
	 * @param firstN the {@code n} of the first load (each load pushes resources of its own)
	 */
	Result run(int port, long firstN, int loads, int inFlight) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_2)
			.sslContext(this.sslContext)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		LongAdder promised = new LongAdder();
		LongAdder delivered = new LongAdder();
		LongAdder pushFailed = new LongAdder();
		LongAdder loadFailed = new LongAdder();
		Map<String, Long> notPushed = new ConcurrentHashMap<>();
		LongAdder serverPushed = new LongAdder();
		Semaphore window = new Semaphore(inFlight);
		// one pushing load first: the JDK client drops the pushes of requests sent concurrently before a
		// request with a push promise handler has completed on the connection
		try {
			client.sendAsync(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/sustained?n=-" + (firstN + 1)))
				.build(), BodyHandlers.discarding(), (initiating, pushRequest, acceptor) -> acceptor
					.apply(BodyHandlers.discarding()))
				.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The app did not answer /sustained", ex);
		}
		long start = System.nanoTime();
		for (int i = 0; i < loads; i++) {
			window.acquire();
			HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/sustained?n="
					+ (firstN + i)))
				.timeout(Duration.ofSeconds(30))
				.build();
			// a load stays in flight until its pushes are complete too, as in a browser
			List<CompletableFuture<HttpResponse<Void>>> pushes = new CopyOnWriteArrayList<>();
			HttpResponse.PushPromiseHandler<Void> handler = (initiating, pushRequest, acceptor) -> {
				promised.increment();
				pushes.add(acceptor.apply(BodyHandlers.discarding()).whenComplete((response, failure) -> {
					if (failure == null && response.statusCode() == 200) {
						delivered.increment();
					}
					else {
						pushFailed.increment();
					}
				}));
			};
			client.sendAsync(request, BodyHandlers.discarding(), handler).whenComplete((response, failure) -> {
				if (failure != null || response.statusCode() != 200) {
					loadFailed.increment();
				}
				else {
					serverPushed.add(response.headers().firstValueAsLong("X-Pushed").orElse(0));
					response.headers()
						.firstValue("X-Not-Pushed")
						.ifPresent((why) -> {
							for (String reason : why.split("; ")) {
								notPushed.merge(reason, 1L, Long::sum);
							}
						});
				}
				CompletableFuture.allOf(pushes.toArray(new CompletableFuture<?>[0]))
					.orTimeout(30, TimeUnit.SECONDS)
					.whenComplete((done, timeout) -> window.release());
			});
		}
		window.acquire(inFlight);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (delivered.sum() + pushFailed.sum() < Math.max(promised.sum(), serverPushed.sum())
				&& System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(loads, loadFailed.sum(), serverPushed.sum(), promised.sum(), delivered.sum(), pushFailed.sum(),
				seconds, notPushed);
	}

}
