package io.github.h2push.undertow;

import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;

import io.undertow.Undertow;
import io.undertow.protocols.ssl.SNIContextMatcher;
import io.undertow.protocols.ssl.SNISSLContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PlainHttpOnTlsPort}: which SSL context Spring Boot's HTTPS listener
 * starts with.
 */
class PlainHttpOnTlsPortTests {

	private final UndertowInternals internals = UndertowInternals.get();

	private final DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry("server", SslBundle.systemDefault());

	@Test
	void customizesTheBuilderAfterSpringBootHasAddedItsListener() {
		UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
		new PlainHttpOnTlsPort().customize(factory);
		assertThat(factory.getBuilderCustomizers()).hasSize(1);
	}

	@Test
	void givesTheHttpsListenerTheSslContextOfTheBundleInsteadOfTheSniContextAroundIt() throws Exception {
		Undertow.Builder builder = Undertow.builder().addHttpsListener(8443, "0.0.0.0", sniContext());
		assertThat(PlainHttpOnTlsPort.useBundleSslContext(builder, ssl(), this.bundles, 8443)).isTrue();
		assertThat(sslContext(builder)).isNotNull().isNotInstanceOf(SNISSLContext.class);
	}

	@Test
	void givesTheHttpsListenerTheContextSpringBootMadeFromTheBundle() throws Exception {
		SSLContext bundleContext = SSLContext.getInstance("TLS");
		bundleContext.init(null, null, null);
		Undertow.Builder builder = Undertow.builder()
			.addHttpsListener(8443, "0.0.0.0",
					new SNISSLContext(new SNIContextMatcher.Builder().setDefaultContext(bundleContext).build()));
		assertThat(PlainHttpOnTlsPort.useBundleSslContext(builder, ssl(), this.bundles, 8443)).isTrue();
		assertThat(sslContext(builder)).isSameAs(bundleContext);
	}

	@Test
	void makesTheBundleContextAgainWhenTheSniContextCannotBeRead() throws Exception {
		Set<String> hidden = Set.of(UndertowInternals.SNI_ENGINE_STATE);
		UndertowInternals internals = new UndertowInternals(hidden::contains);
		SSLContext heldContext = SSLContext.getInstance("TLS");
		heldContext.init(null, null, null);
		Undertow.Builder builder = Undertow.builder()
			.addHttpsListener(8443, "0.0.0.0",
					new SNISSLContext(new SNIContextMatcher.Builder().setDefaultContext(heldContext).build()));
		assertThat(PlainHttpOnTlsPort.useBundleSslContext(builder, ssl(), this.bundles, 8443, internals)).isTrue();
		assertThat(sslContext(builder)).isNotNull().isNotInstanceOf(SNISSLContext.class).isNotSameAs(heldContext);
	}

	@Test
	void keepsTheSniContextWhenServerNameBundlesAreConfigured() throws Exception {
		SNISSLContext sniContext = sniContext();
		Undertow.Builder builder = Undertow.builder().addHttpsListener(8443, "0.0.0.0", sniContext);
		Ssl ssl = ssl();
		ssl.setServerNameBundles(List.of(new Ssl.ServerNameSslBundle("example.com", "server")));
		assertThat(PlainHttpOnTlsPort.useBundleSslContext(builder, ssl, this.bundles, 8443)).isFalse();
		assertThat(sslContext(builder)).isSameAs(sniContext);
	}

	@Test
	void leavesAnHttpsListenerOnAnotherPortAlone() throws Exception {
		SNISSLContext sniContext = sniContext();
		Undertow.Builder builder = Undertow.builder().addHttpsListener(9443, "0.0.0.0", sniContext);
		assertThat(PlainHttpOnTlsPort.useBundleSslContext(builder, ssl(), this.bundles, 8443)).isFalse();
		assertThat(sslContext(builder)).isSameAs(sniContext);
	}

	@Test
	void leavesAServerWithoutSslAlone() {
		Undertow.Builder builder = Undertow.builder().addHttpListener(8080, "0.0.0.0");
		assertThat(PlainHttpOnTlsPort.useBundleSslContext(builder, null, this.bundles, 8080)).isFalse();
		assertThat(sslContext(builder)).isNull();
	}

	private SSLContext sslContext(Undertow.Builder builder) {
		List<?> configs = this.internals.listenerConfigs(builder);
		assertThat(configs).hasSize(1);
		return this.internals.sslContext(configs.get(0));
	}

	private static Ssl ssl() {
		Ssl ssl = new Ssl();
		ssl.setBundle("server");
		return ssl;
	}

	// as Spring Boot builds it
	private static SNISSLContext sniContext() throws NoSuchAlgorithmException {
		return new SNISSLContext(new SNIContextMatcher.Builder().setDefaultContext(SSLContext.getDefault()).build());
	}

}
