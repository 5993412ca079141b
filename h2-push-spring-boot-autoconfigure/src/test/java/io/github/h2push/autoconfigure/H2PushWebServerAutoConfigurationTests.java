package io.github.h2push.autoconfigure;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.jetty.JettyServerCustomizer;
import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.embedded.undertow.UndertowBuilderCustomizer;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.embedded.undertow.UndertowWebServer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.servlet.server.ServletWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link H2PushWebServerAutoConfiguration} and
 * {@link CompetingWebServerCondition}. The test class path has Undertow, Tomcat (with
 * h2-push's Tomcat adapter) and Jetty, as an application whose
 * {@code spring-boot-starter-web} still brings Tomcat and which added Jetty;
 * {@link FilteredClassLoader} takes servers away.
 */
@ExtendWith(OutputCaptureExtension.class)
class H2PushWebServerAutoConfigurationTests {

	private static final FilteredClassLoader WITHOUT_JETTY = new FilteredClassLoader("org.eclipse.jetty");

	private static final FilteredClassLoader WITHOUT_TOMCAT = new FilteredClassLoader("org.apache.catalina",
			"org.apache.coyote");

	private static final FilteredClassLoader UNDERTOW_ONLY = new FilteredClassLoader("org.apache.catalina",
			"org.apache.coyote", "org.eclipse.jetty");

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(H2PushWebServerAutoConfiguration.class,
				ServletWebServerFactoryAutoConfiguration.class));

	@Test
	void saysThatH2PushIsOffWhenDisabled(CapturedOutput output) {
		this.contextRunner.withClassLoader(WITHOUT_JETTY)
			.withConfiguration(AutoConfigurations.of(H2PushDisabledAutoConfiguration.class))
			.withPropertyValues("h2-push.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).containsOnlyOnce("h2-push.enabled=false: h2-push is off, so nothing is pushed")
			.doesNotContain("h2-push serves this application with Undertow");
	}

	@Test
	void servesWithUndertowWhenTomcatIsPresentButNotConfigured(CapturedOutput output) {
		this.contextRunner.withClassLoader(WITHOUT_JETTY).run((context) -> {
			assertThat(context).hasSingleBean(ServletWebServerFactory.class);
			assertThat(context.getBean(ServletWebServerFactory.class))
				.isInstanceOf(UndertowServletWebServerFactory.class);
		});
		assertThat(output).containsOnlyOnce("INFO")
			.contains("Tomcat is on the class path but unused: h2-push serves this application with Undertow. "
					+ "To drop Tomcat, exclude spring-boot-starter-tomcat");
	}

	@Test
	void startsUndertowRatherThanTomcat() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ServerApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0")
			.run()) {
			assertThat(((WebServerApplicationContext) context).getWebServer()).isInstanceOf(UndertowWebServer.class);
		}
	}

	@Test
	void servesWithUndertowWhenJettyIsPresentButNotConfigured(CapturedOutput output) {
		this.contextRunner.withClassLoader(WITHOUT_TOMCAT)
			.run((context) -> assertThat(context.getBean(ServletWebServerFactory.class))
				.isInstanceOf(UndertowServletWebServerFactory.class));
		assertThat(output).contains("Jetty is on the class path but unused")
			.contains("exclude spring-boot-starter-jetty");
	}

	@Test
	void namesBothUnusedServersInOneLine(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(context.getBean(ServletWebServerFactory.class))
			.isInstanceOf(UndertowServletWebServerFactory.class));
		assertThat(output).containsOnlyOnce("Tomcat and Jetty are on the class path but unused");
	}

	@Test
	void leavesTheServerToSpringBootWhenOnlyUndertowIsPresent(CapturedOutput output) {
		this.contextRunner.withClassLoader(UNDERTOW_ONLY)
			.run((context) -> assertThat(context.getBean(ServletWebServerFactory.class))
				.isInstanceOf(UndertowServletWebServerFactory.class));
		assertThat(output).doesNotContain("on the class path but unused");
	}

	@Test
	void appliesUndertowCustomizersAndServerUndertowPropertiesToItsFactory() {
		UndertowBuilderCustomizer builderCustomizer = (builder) -> {
		};
		this.contextRunner.withBean(UndertowBuilderCustomizer.class, () -> builderCustomizer)
			.withPropertyValues("server.undertow.eager-filter-init=false")
			.run((context) -> {
				UndertowServletWebServerFactory factory = context.getBean(UndertowServletWebServerFactory.class);
				assertThat(factory.getBuilderCustomizers()).contains(builderCustomizer);
				assertThat(factory.isEagerFilterInit()).isFalse();
			});
	}

	@Test
	void backsOffForTheApplicationsOwnUndertowFactory(CapturedOutput output) {
		UndertowServletWebServerFactory own = new UndertowServletWebServerFactory();
		this.contextRunner.withBean(UndertowServletWebServerFactory.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(ServletWebServerFactory.class);
			assertThat(context.getBean(ServletWebServerFactory.class)).isSameAs(own);
		});
		assertThat(output).doesNotContain("on the class path but unused");
	}

	@Test
	void acceptsSpringBootsOwnTomcatAndJettyCustomizers() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(EmbeddedWebServerFactoryCustomizerAutoConfiguration.class,
					WebSocketServletAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void acceptsCustomizersForAnyServletWebServer() {
		this.contextRunner.withUserConfiguration(AnyServletServerCustomizerConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void servesWithTomcatWhenTheApplicationCustomizesTomcatAndSaysSo(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(TomcatCustomizerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ServletWebServerFactory.class);
			assertThat(context.getBean(ServletWebServerFactory.class))
				.isInstanceOf(TomcatServletWebServerFactory.class);
		});
		assertThat(output).containsOnlyOnce("INFO")
			.contains("This application configures Tomcat, so Tomcat serves it rather than Undertow: pages get 103 "
					+ "Early Hints and preload Link headers, but no server push, which needs Undertow. What "
					+ "configures it: bean 'tomcatCustomizer', a "
					+ "WebServerFactoryCustomizer<TomcatServletWebServerFactory>. To push, remove that configuration "
					+ "and exclude spring-boot-starter-tomcat (see \"The web stack\" in h2-push's "
					+ "docs/configuration.md)")
			.doesNotContain("on the class path but unused");
	}

	@Test
	void startsTomcatForAnApplicationThatCustomizesTomcat() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ServerApplication.class,
				TomcatCustomizerConfiguration.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0")
			.run()) {
			assertThat(((WebServerApplicationContext) context).getWebServer()).isInstanceOf(TomcatWebServer.class);
		}
	}

	@Test
	void servesWithTomcatWhenTheApplicationHasATomcatConnectorCustomizerAndSaysSo(CapturedOutput output) {
		this.contextRunner.withBean("connectorCustomizer", TomcatConnectorCustomizer.class, () -> (connector) -> {
		})
			.run((context) -> assertThat(context.getBean(ServletWebServerFactory.class))
				.isInstanceOf(TomcatServletWebServerFactory.class));
		assertThat(output).containsOnlyOnce("This application configures Tomcat, so Tomcat serves it")
			.contains("What configures it: bean 'connectorCustomizer', a TomcatConnectorCustomizer. To push");
	}

	@Test
	void servesWithTheApplicationsOwnTomcatFactoryAndSaysSo(CapturedOutput output) {
		TomcatServletWebServerFactory own = new TomcatServletWebServerFactory();
		this.contextRunner.withBean("tomcat", TomcatServletWebServerFactory.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(ServletWebServerFactory.class);
			assertThat(context.getBean(ServletWebServerFactory.class)).isSameAs(own);
		});
		assertThat(output).containsOnlyOnce("INFO")
			.contains("This application configures Tomcat, so Tomcat serves it rather than Undertow")
			.contains("What configures it: bean 'tomcat', the application's own TomcatServletWebServerFactory. "
					+ "To push, remove that configuration and exclude spring-boot-starter-tomcat");
	}

	@Test
	void servesWithTomcatWhenServerTomcatPropertiesAreSetAndSaysWhereTheyAre(CapturedOutput output) {
		this.contextRunner.withPropertyValues("server.tomcat.threads.max=50", "server.tomcat.uri-encoding=ISO-8859-1")
			.run((context) -> assertThat(context.getBean(ServletWebServerFactory.class))
				.isInstanceOf(TomcatServletWebServerFactory.class));
		assertThat(output).containsOnlyOnce("This application configures Tomcat, so Tomcat serves it")
			.containsPattern("What configures it: property 'server.tomcat.threads.max'[^;]*; "
					+ "property 'server.tomcat.uri-encoding'[^;]*\\. To push, remove that configuration and exclude "
					+ "spring-boot-starter-tomcat");
	}

	@Test
	void ignoresServerTomcatPropertiesWhenTomcatIsAbsent(CapturedOutput output) {
		this.contextRunner.withClassLoader(WITHOUT_TOMCAT)
			.withPropertyValues("server.tomcat.threads.max=50")
			.run((context) -> assertThat(context.getBean(ServletWebServerFactory.class))
				.isInstanceOf(UndertowServletWebServerFactory.class));
		assertThat(output).doesNotContain("This application configures");
	}

	@Test
	void servesWithJettyWhenTheApplicationCustomizesJettyAndSaysSo(CapturedOutput output) {
		this.contextRunner.withClassLoader(WITHOUT_TOMCAT)
			.withBean("jettyCustomizer", JettyServerCustomizer.class, () -> (server) -> {
			})
			.withPropertyValues("server.jetty.threads.max=50")
			.run((context) -> assertThat(context.getBean(ServletWebServerFactory.class))
				.isInstanceOf(JettyServletWebServerFactory.class));
		// h2-push's Jetty adapter is for Spring Boot 4's Jetty (Servlet 6.1)
		assertThat(output).containsOnlyOnce("INFO")
			.contains("This application configures Jetty, so Jetty serves it rather than Undertow: pages get "
					+ "preload Link headers, but no server push, which needs Undertow. What configures it: "
					+ "bean 'jettyCustomizer', a JettyServerCustomizer; property 'server.jetty.threads.max'")
			.contains("To push, remove that configuration and exclude spring-boot-starter-jetty (see");
	}

	@Test
	void servesWithTheApplicationsOwnJettyFactoryAndSaysSo(CapturedOutput output) {
		this.contextRunner.withBean("jetty", JettyServletWebServerFactory.class, JettyServletWebServerFactory::new)
			.run((context) -> assertThat(context.getBean(ServletWebServerFactory.class))
				.isInstanceOf(JettyServletWebServerFactory.class));
		assertThat(output).containsOnlyOnce("This application configures Jetty, so Jetty serves it")
			.contains("bean 'jetty', the application's own JettyServletWebServerFactory");
	}

	// as without h2-push: Spring Boot picks Tomcat first, and the log says so
	@Test
	void namesTheServerSpringBootPicksWhenTheApplicationConfiguresJettyButHasTomcatToo(CapturedOutput output) {
		this.contextRunner.withPropertyValues("server.jetty.threads.max=50")
			.run((context) -> assertThat(context.getBean(ServletWebServerFactory.class))
				.isInstanceOf(TomcatServletWebServerFactory.class));
		assertThat(output).contains("This application configures Jetty, so Tomcat serves it rather than Undertow: "
				+ "pages get 103 Early Hints and preload Link headers");
	}

	@Test
	void servesWithTheApplicationsOwnFactoryOfAnotherServerAndSaysSo(CapturedOutput output) {
		ServletWebServerFactory own = (initializers) -> null;
		this.contextRunner.withClassLoader(UNDERTOW_ONLY)
			.withBean("server", ServletWebServerFactory.class, () -> own)
			.run((context) -> assertThat(context.getBean(ServletWebServerFactory.class)).isSameAs(own));
		assertThat(output).containsOnlyOnce("INFO")
			.contains("This application configures a web server factory of its own, so that factory's server serves "
					+ "it rather than Undertow: pages get preload Link headers, but no server push, which needs "
					+ "Undertow. What configures it: bean 'server', the application's own ServletWebServerFactory. "
					+ "To push, remove that configuration (see \"The web stack\" in h2-push's docs/configuration.md)");
	}

	@Test
	void letsTheApplicationKeepTomcatWithoutAWordWhenH2PushIsDisabled(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(TomcatCustomizerConfiguration.class)
			.withPropertyValues("h2-push.enabled=false")
			.run((context) -> assertThat(context.getBean(ServletWebServerFactory.class))
				.isInstanceOf(TomcatServletWebServerFactory.class));
		assertThat(output).doesNotContain("This application configures");
	}

	@Test
	void failsInAReactiveWebApplication() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(H2PushWebServerAutoConfiguration.class))
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(ReactiveWebApplicationException.class));
	}

	@Test
	void letsAReactiveWebApplicationStartWhenH2PushIsDisabled() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(H2PushWebServerAutoConfiguration.class))
			.withPropertyValues("h2-push.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void failsWhenAServletApplicationDeclaresWebFluxRoutes() {
		this.contextRunner.withUserConfiguration(WebFluxRoutesConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOfSatisfying(ReactiveWebApplicationException.class,
						(ex) -> assertThat(ex.getWebFluxBeans())
							.containsExactly("bean 'routes', a WebFlux RouterFunction")));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ H2PushWebServerAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class })
	static class ServerApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class TomcatCustomizerConfiguration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatCustomizer() {
			return (factory) -> factory.setUriEncoding(StandardCharsets.ISO_8859_1);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AnyServletServerCustomizerConfiguration {

		@Bean
		WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> servletCustomizer() {
			return (factory) -> factory.setDisplayName("app");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WebFluxRoutesConfiguration {

		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route().GET("/fn", (request) -> ServerResponse.ok().build()).build();
		}

	}

}
