package io.github.h2push.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import io.github.h2push.PushAccessPolicy;
import io.github.h2push.PushListener;
import io.github.h2push.PushPromiseService;
import io.github.h2push.engine.CacheDigestCookie;
import io.github.h2push.engine.DefaultPushPromiseService;
import io.github.h2push.engine.LearnedHints;
import io.github.h2push.engine.PushPlans;
import io.github.h2push.engine.PushRoutes;
import io.github.h2push.engine.PushStatistics;
import io.github.h2push.engine.RequestHeaderAllowlist;
import io.github.h2push.engine.ResponseTimes;
import io.github.h2push.engine.StaticResources;
import io.github.h2push.engine.VersionedResourceUrls;
import io.github.h2push.jetty.JettyEarlyHintsTransport;
import io.github.h2push.security.SecurityPushAccessPolicy;
import io.github.h2push.spi.PushTransport;
import io.github.h2push.tomcat.TomcatEarlyHintsTransport;
import io.github.h2push.undertow.Http2ConnectionLimits;
import io.github.h2push.undertow.Http2FrameOrder;
import io.github.h2push.undertow.PlainHttpOnTlsPort;
import io.github.h2push.undertow.PushedResponseCache;
import io.github.h2push.undertow.PushedResponseGuard;
import io.github.h2push.undertow.UndertowBufferPoolCustomizer;
import io.github.h2push.undertow.UndertowHandlerChainCustomizer;
import io.github.h2push.undertow.UndertowHttp2Customizer;
import io.github.h2push.undertow.UndertowMaxConcurrentStreamsCustomizer;
import io.github.h2push.undertow.UndertowPushTransport;
import io.github.h2push.undertow.UndertowResetFrameLimitCustomizer;
import io.github.h2push.undertow.UndertowWriteTimeoutCustomizer;
import io.github.h2push.web.PushResourcesHandlerInterceptor;
import io.github.h2push.web.ResponseHintsFilter;
import io.micrometer.observation.ObservationPredicate;
import io.undertow.Undertow;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.authorization.AuthorizationObservationContext;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for HTTP/2 server push and {@code 103 Early Hints} with Spring MVC:
 * the engine and its web layer for any servlet server, HTTP/2 over TLS with the
 * development certificate when no SSL is configured, and the adapter of the server in
 * use: Undertow (push and early hints), Tomcat 10.1 and 11, Jetty 12 (early hints).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "h2-push.enabled", matchIfMissing = true)
@EnableConfigurationProperties(H2PushProperties.class)
public class H2PushAutoConfiguration {

	private static final Log logger = LogFactory.getLog(H2PushAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	PushPlans pushPlans(Environment environment) {
		return new PushPlans(environment::resolveRequiredPlaceholders);
	}

	@Bean
	static SmartInitializingSingleton pushPlansInitializer(ObjectProvider<PushPlans> plans,
			ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings) {
		return () -> handlerMappings.orderedStream()
			.forEach((mapping) -> plans.getObject().initialize(mapping.getHandlerMethods().values()));
	}

	@Bean
	@ConditionalOnMissingBean
	PushRoutes pushRoutes(H2PushProperties properties) {
		Map<String, List<String>> routes = new LinkedHashMap<>();
		for (RouteProperties route : properties.getRoutes()) {
			routes.computeIfAbsent(route.getPattern(), (pattern) -> new ArrayList<>()).addAll(route.getResources());
		}
		return PushRoutes.of(routes);
	}

	@Bean
	@ConditionalOnMissingBean
	PushStatistics pushStatistics() {
		return new PushStatistics();
	}

	@Bean
	@ConditionalOnMissingBean(PushPromiseService.class)
	DefaultPushPromiseService pushPromiseService(H2PushProperties properties, ObjectProvider<PushTransport> transports,
			ObjectProvider<PushAccessPolicy> accessPolicies, ObjectProvider<PushListener> listeners,
			ObjectProvider<ResourceUrlProvider> resourceUrlProvider) {
		RequestHeaderAllowlist copiedHeaders = copiedHeaders(properties);
		CacheDigestProperties digest = properties.getDedup().getCacheDigest();
		return DefaultPushPromiseService.builder(transports.orderedStream().toList())
			.copiedHeaders(copiedHeaders)
			.maxPushesPerRequest(properties.getMaxPushesPerRequest())
			.maxCopiedBytesPerRequest((int) properties.getMaxCopiedHeaderSizePerRequest().toBytes())
			.preloadLinks(properties.isPreloadLinks())
			.earlyHints(properties.getEarlyHints().isEnabled(), properties.getEarlyHints().isOverHttp1())
			.accessPolicies(accessPolicies.orderedStream().toList())
			.listeners(listeners.orderedStream().toList())
			.urlResolver(new VersionedResourceUrls(SingletonSupplier.of(resourceUrlProvider::getIfUnique)))
			.cacheDigest(digest.isEnabled() ? new CacheDigestCookie(digest.getCookieName(), digest.getMaxAge()) : null)
			.build();
	}

	// h2-push.copied-headers followed by h2-push.additional-copied-headers
	static List<String> copiedHeaderNames(H2PushProperties properties) {
		List<String> names = new ArrayList<>(properties.getCopiedHeaders());
		names.addAll(properties.getAdditionalCopiedHeaders());
		return names;
	}

	private static RequestHeaderAllowlist copiedHeaders(H2PushProperties properties) {
		RequestHeaderAllowlist copiedHeaders = new RequestHeaderAllowlist(copiedHeaderNames(properties),
				(int) properties.getMaxCopiedHeaderSize().toBytes());
		List<String> dropped = RequestHeaderAllowlist.DEFAULT_HEADERS.stream()
			.filter((name) -> !copiedHeaders.getNames().contains(name))
			.toList();
		if (!dropped.isEmpty()) {
			logger.warn("h2-push.copied-headers replaces the defaults and leaves out " + dropped
					+ ": pushed responses can no longer be negotiated on them; to add a header to the defaults, "
					+ "list it in h2-push.additional-copied-headers instead");
		}
		List<String> credentials = copiedHeaders.getCredentialHeaders();
		if (!credentials.isEmpty()) {
			logger.warn("h2-push.copied-headers includes " + credentials + ": every push promise will carry the "
					+ "client's credentials, and any intermediary that sees pushed requests sees them too");
		}
		return copiedHeaders;
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "h2-push.learn.enabled")
	@ConditionalOnMissingBean
	LearnedHints learnedHints(H2PushProperties properties, ObjectProvider<ResourceUrlProvider> resourceUrlProvider) {
		LearnProperties learn = properties.getLearn();
		return new LearnedHints(learn.getMaxRoutes(), learn.getMaxResourcesPerRoute(), learn.getMaxSize().toBytes(),
				learn.getSampleEvery(), new StaticResources(SingletonSupplier.of(resourceUrlProvider::getIfUnique)));
	}

	@Bean
	@ConditionalOnMissingBean
	ResponseTimes responseTimes(H2PushProperties properties) {
		EarlyHintsProperties earlyHints = properties.getEarlyHints();
		return new ResponseTimes(earlyHints.getMinResponseTime(), earlyHints.getMaxMeasuredRoutes());
	}

	@Bean
	@ConditionalOnMissingBean
	PushResourcesHandlerInterceptor pushResourcesHandlerInterceptor(PushPlans plans, PushRoutes routes,
			DefaultPushPromiseService pushPromiseService, ObjectProvider<LearnedHints> learnedHints,
			ResponseTimes responseTimes) {
		return new PushResourcesHandlerInterceptor(plans, routes, pushPromiseService, learnedHints.getIfAvailable(),
				responseTimes);
	}

	@Bean
	WebMvcConfigurer pushResourcesWebMvcConfigurer(PushResourcesHandlerInterceptor interceptor) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor);
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean(name = "responseHintsFilter")
	FilterRegistrationBean<ResponseHintsFilter> responseHintsFilter(H2PushProperties properties,
			DefaultPushPromiseService pushPromiseService, ObjectProvider<LearnedHints> learnedHints) {
		LearnedHints learned = learnedHints.getIfAvailable();
		FilterRegistrationBean<ResponseHintsFilter> registration = new FilterRegistrationBean<>(
				new ResponseHintsFilter(pushPromiseService, properties.isPushFromLinkHeaders(), learned,
						(int) properties.getLearn().getHeadSize().toBytes()));
		// inside the request-context filter and outside Spring Security's, so it sees every header the chain sets
		registration.setOrder(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 104);
		// each response once: async and error dispatches reuse the response of the request they belong to
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD);
		// also while preload links are on: an application's setHeader("Link") keeps h2-push's hints then
		registration.setEnabled(
				properties.isPushFromLinkHeaders() || learned != null || properties.isPreloadLinks());
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Undertow.class, UndertowServletWebServerFactory.class })
	static class UndertowConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PushedResponseGuard pushedResponseGuard(H2PushProperties properties) {
			ConnectionProperties connection = properties.getConnection();
			return new PushedResponseGuard(connection.getMaxPushedResponsesInFlight(),
					connection.getPushedResponseTimeout());
		}

		@Bean
		@ConditionalOnMissingBean
		UndertowPushTransport undertowPushTransport(H2PushProperties properties, PushedResponseGuard guard) {
			return new UndertowPushTransport(properties.getDedup().getPerConnection(), properties.getAuthorities(),
					guard);
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "h2-push.html-first.enabled", matchIfMissing = true)
		@ConditionalOnMissingBean
		Http2FrameOrder http2FrameOrder() {
			return Http2FrameOrder.create();
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "h2-push.pushed-response-cache.enabled", matchIfMissing = true)
		@ConditionalOnMissingBean
		PushedResponseCache pushedResponseCache(H2PushProperties properties) {
			PushedResponseCacheProperties cache = properties.getPushedResponseCache();
			return new PushedResponseCache(cache.getMaxSize().toBytes(), (int) cache.getMaxEntrySize().toBytes());
		}

		@Bean
		@ConditionalOnMissingBean
		UndertowHandlerChainCustomizer undertowHandlerChainCustomizer(H2PushProperties properties,
				PushedResponseGuard guard, ObjectProvider<PushListener> listeners,
				ObjectProvider<Http2FrameOrder> frameOrder, ObjectProvider<PushedResponseCache> pushedResponseCache) {
			ConnectionProperties connection = properties.getConnection();
			Http2ConnectionLimits limits = new Http2ConnectionLimits(connection.getMaxRunningRequests(),
					connection.getMinSendRate().toBytes(), connection.getSendRateInterval());
			UndertowHandlerChainCustomizer customizer = new UndertowHandlerChainCustomizer(guard,
					listeners.orderedStream().toList(), connection.getMaxClientResets(),
					connection.getClientResetWindow(), limits,
					properties.getHtmlFirst().isEnabled() ? frameOrder.getIfAvailable() : null);
			customizer.setPushedResponseCache(pushedResponseCache.getIfAvailable());
			return customizer;
		}

		@Bean
		@ConditionalOnMissingBean
		UndertowMaxConcurrentStreamsCustomizer undertowMaxConcurrentStreamsCustomizer(H2PushProperties properties,
				Environment environment, ObjectProvider<ServerProperties> serverProperties) {
			// a limit set as a server option wins
			boolean leftAlone = setsUndertowOption(environment, serverProperties, "server",
					"HTTP2_SETTINGS_MAX_CONCURRENT_STREAMS");
			return new UndertowMaxConcurrentStreamsCustomizer(
					leftAlone ? 0 : properties.getConnection().getMaxConcurrentStreams());
		}

		@Bean
		@ConditionalOnMissingBean
		UndertowResetFrameLimitCustomizer undertowResetFrameLimitCustomizer(H2PushProperties properties,
				Environment environment, ObjectProvider<ServerProperties> serverProperties) {
			// a limit set as a server option wins
			boolean leftAlone = setsUndertowOption(environment, serverProperties, "server",
					"MAX_RST_FRAMES_PER_WINDOW");
			int maxClientResets = properties.getConnection().getMaxClientResets();
			return new UndertowResetFrameLimitCustomizer(leftAlone ? 0 : maxClientResets);
		}

		@Bean
		@ConditionalOnMissingBean
		UndertowWriteTimeoutCustomizer undertowWriteTimeoutCustomizer(H2PushProperties properties,
				Environment environment, ObjectProvider<ServerProperties> serverProperties) {
			// a write timeout set as a server option wins
			Duration writeTimeout = properties.getConnection().getWriteTimeout();
			boolean leftAlone = writeTimeout.isZero()
					|| setsUndertowOption(environment, serverProperties, "socket", "WRITE_TIMEOUT");
			return new UndertowWriteTimeoutCustomizer(leftAlone ? null : writeTimeout);
		}

		// an Undertow option of a kind ("server" or "socket") the application sets, read from Spring Boot's own
		// binding of server.* when there is one, rather than bound again
		private static boolean setsUndertowOption(Environment environment,
				ObjectProvider<ServerProperties> serverProperties, String kind, String option) {
			ServerProperties server = serverProperties.getIfUnique();
			if (server == null) {
				return BootServerSettings.of(environment).hasUndertowOption(kind, option);
			}
			ServerProperties.Undertow.Options options = server.getUndertow().getOptions();
			return BootServerSettings.namesOption(kind.equals("server") ? options.getServer() : options.getSocket(),
					option);
		}

		@Bean
		@ConditionalOnMissingBean
		UndertowBufferPoolCustomizer undertowBufferPoolCustomizer(H2PushProperties properties,
				ObjectProvider<ServerProperties> serverProperties) {
			ServerProperties server = serverProperties.getIfAvailable();
			DataSize bufferSize = (server != null) ? server.getUndertow().getBufferSize() : null;
			return new UndertowBufferPoolCustomizer(properties.getPooledBuffers(),
					(bufferSize != null) ? (int) bufferSize.toBytes() : null,
					(server != null) ? server.getUndertow().getDirectBuffers() : null);
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "h2-push.ssl.answer-plain-http", matchIfMissing = true)
		static PlainHttpOnTlsPort plainHttpOnTlsPort() {
			return new PlainHttpOnTlsPort();
		}

		@Bean
		@ConditionalOnMissingBean
		UndertowHttp2Customizer undertowHttp2Customizer() {
			return new UndertowHttp2Customizer();
		}

	}

	@Bean
	@ConditionalOnMissingBean
	Http2OverTlsCustomizer h2PushHttp2OverTlsCustomizer(Environment environment,
			ObjectProvider<DevelopmentCertificate> developmentCertificate) {
		DevelopmentCertificate certificate = developmentCertificate.getIfAvailable();
		return new Http2OverTlsCustomizer(BootServerSettings.of(environment).isHttp2Enabled(),
				(certificate != null) ? certificate::getSslBundle : null);
	}

	/**
	 * Tomcat 10.1 and 11 cannot push: early hints and preload links only.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.apache.catalina.startup.Tomcat",
			"io.github.h2push.tomcat.TomcatEarlyHintsTransport" })
	static class TomcatConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TomcatEarlyHintsTransport tomcatEarlyHintsTransport(ResourceLoader resourceLoader) {
			ClassLoader classLoader = resourceLoader.getClassLoader();
			if (!ClassUtils.isPresent("io.undertow.Undertow", classLoader)) {
				boolean undertowSupported = ClassUtils.isPresent(
						"org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory", classLoader);
				logger.info("h2-push on Tomcat: 103 Early Hints and preload Link headers; Tomcat cannot push."
						+ (undertowSupported ? " For push, serve with Undertow: exclude spring-boot-starter-tomcat and "
								+ "add spring-boot-starter-undertow" : ""));
			}
			return new TomcatEarlyHintsTransport();
		}

	}

	/**
	 * Jetty 12 with its Servlet 6.1 layer cannot push: early hints and preload links only.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.eclipse.jetty.ee11.servlet.ServletContextRequest",
			"io.github.h2push.jetty.JettyEarlyHintsTransport" })
	static class JettyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JettyEarlyHintsTransport jettyEarlyHintsTransport() {
			return new JettyEarlyHintsTransport();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "h2-push.ssl.self-signed", matchIfMissing = true)
	@Conditional(NoSslConfiguredCondition.class)
	static class DevelopmentCertificateConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DevelopmentCertificate h2PushDevelopmentCertificate() {
			return DevelopmentCertificate.shared();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebInvocationPrivilegeEvaluator.class)
	static class SecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SecurityPushAccessPolicy securityPushAccessPolicy(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator,
				H2PushProperties properties) {
			boolean credentialsCopied = !new RequestHeaderAllowlist(copiedHeaderNames(properties))
				.getCredentialHeaders()
				.isEmpty();
			// resolved on first use: the evaluator is built with the security filter chain
			return new SecurityPushAccessPolicy(SingletonSupplier.of(evaluator::getIfUnique), credentialsCopied);
		}

		/**
		 * Spring Security observes each authorization decision ({@code
		 * spring.security.authorizations}, a span when tracing): h2-push's questions about
		 * requests not made would count as the application's, with a denial for each
		 * resource a page offers that its visitor may not fetch.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(ObservationPredicate.class)
		static class ObservationConfiguration {

			// only the decisions: what an authorization manager observes of its own work stays observed
			@Bean
			static ObservationPredicate h2PushAccessCheckObservationPredicate() {
				return (name, context) -> !(context instanceof AuthorizationObservationContext<?>
						&& SecurityPushAccessPolicy.isChecking());
			}

		}

	}

}
