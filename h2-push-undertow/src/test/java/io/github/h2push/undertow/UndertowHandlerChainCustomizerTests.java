package io.github.h2push.undertow;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.handlers.ServletInitialHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.embedded.undertow.UndertowDeploymentInfoCustomizer;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.lang.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UndertowHandlerChainCustomizer}: the handlers of the deployment
 * Undertow builds from it, in the order a request meets them.
 */
class UndertowHandlerChainCustomizerTests {

	private static final PushedResponseGuard GUARD = new PushedResponseGuard(10, Duration.ofSeconds(10));

	private static final Duration WINDOW = Duration.ofSeconds(30);

	private static final Http2ConnectionLimits LIMITS = new Http2ConnectionLimits(8, 1024, Duration.ofSeconds(10));

	@Test
	void installsEveryHandlerInTheDeclaredOrder() throws Exception {
		UndertowHandlerChainCustomizer customizer = new UndertowHandlerChainCustomizer(GUARD, List.of(), 200, WINDOW,
				LIMITS, Http2FrameOrder.create());
		assertThat(chainOf(customizer)).containsExactly(ConcurrentStreamLimitingHandler.class,
				ClientResetLimitingHandler.class, PushedStreamReleasingHandler.class,
				AbandonedExchangeEndingHandler.class, ResponseCompletionHandler.class, UnparsableHostHandler.class,
				EarlyHintsVaryHandler.class, ContentLanguageHandler.class, TlsSessionInfoSharingHandler.class,
				HtmlFirstHandler.class, SlowResponseResettingHandler.class, RunningRequestLimitingHandler.class,
				ServletInitialHandler.class, ResetRequestSkippingHandler.class);
	}

	@Test
	void leavesOutTheConnectionLimitsThatAreOff() throws Exception {
		UndertowHandlerChainCustomizer customizer = new UndertowHandlerChainCustomizer(GUARD, List.of(), 200, WINDOW,
				Http2ConnectionLimits.none(), Http2FrameOrder.create());
		assertThat(chainOf(customizer)).containsExactly(ConcurrentStreamLimitingHandler.class,
				ClientResetLimitingHandler.class, PushedStreamReleasingHandler.class,
				AbandonedExchangeEndingHandler.class, ResponseCompletionHandler.class, UnparsableHostHandler.class,
				EarlyHintsVaryHandler.class, ContentLanguageHandler.class, TlsSessionInfoSharingHandler.class,
				HtmlFirstHandler.class, ServletInitialHandler.class, ResetRequestSkippingHandler.class);
	}

	@Test
	void leavesOutTheConcurrentStreamLimitWhenStreamsCannotBeCounted() throws Exception {
		UndertowInternals internals = new UndertowInternals(UndertowInternals.RECEIVE_CONCURRENT_STREAMS::equals);
		UndertowHandlerChainCustomizer customizer = new UndertowHandlerChainCustomizer(internals, GUARD, List.of(),
				200, WINDOW, LIMITS, new Http2FrameOrder(internals));
		assertThat(chainOf(customizer)).first().isEqualTo(ClientResetLimitingHandler.class);
	}

	@Test
	void installsThemWithOneDeploymentCustomizer() {
		UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
		new UndertowHandlerChainCustomizer(GUARD, List.of(), 200, WINDOW, LIMITS, Http2FrameOrder.create())
			.customize(factory);
		assertThat(factory.getDeploymentInfoCustomizers()).hasSize(1);
	}

	@Test
	void leavesOutTheResetLimitWhenItIsZero() throws Exception {
		UndertowHandlerChainCustomizer customizer = new UndertowHandlerChainCustomizer(GUARD, List.of(), 0, WINDOW,
				LIMITS, Http2FrameOrder.create());
		assertThat(chainOf(customizer)).containsExactly(ConcurrentStreamLimitingHandler.class,
				PushedStreamReleasingHandler.class, AbandonedExchangeEndingHandler.class,
				ResponseCompletionHandler.class, UnparsableHostHandler.class, EarlyHintsVaryHandler.class,
				ContentLanguageHandler.class, TlsSessionInfoSharingHandler.class, HtmlFirstHandler.class,
				SlowResponseResettingHandler.class, RunningRequestLimitingHandler.class, ServletInitialHandler.class);
	}

	@Test
	void leavesOutTheFrameOrderWhenThereIsNone() throws Exception {
		UndertowHandlerChainCustomizer customizer = new UndertowHandlerChainCustomizer(GUARD, List.of(), 200, WINDOW,
				LIMITS, null);
		assertThat(chainOf(customizer)).containsExactly(ConcurrentStreamLimitingHandler.class,
				ClientResetLimitingHandler.class, PushedStreamReleasingHandler.class,
				AbandonedExchangeEndingHandler.class, ResponseCompletionHandler.class, UnparsableHostHandler.class,
				EarlyHintsVaryHandler.class, ContentLanguageHandler.class, TlsSessionInfoSharingHandler.class,
				SlowResponseResettingHandler.class, RunningRequestLimitingHandler.class, ServletInitialHandler.class,
				ResetRequestSkippingHandler.class);
	}

	@Test
	void leavesOutThePushSlotReleaseWhenThisUndertowCannotPush() throws Exception {
		UndertowInternals internals = new UndertowInternals(UndertowInternals.REMOVE_STREAM_SOURCE::equals);
		UndertowHandlerChainCustomizer customizer = new UndertowHandlerChainCustomizer(internals, GUARD, List.of(),
				200, WINDOW, LIMITS, new Http2FrameOrder(internals));
		assertThat(chainOf(customizer)).containsExactly(ConcurrentStreamLimitingHandler.class,
				ClientResetLimitingHandler.class, ResponseCompletionHandler.class, UnparsableHostHandler.class,
				EarlyHintsVaryHandler.class, ContentLanguageHandler.class, TlsSessionInfoSharingHandler.class,
				HtmlFirstHandler.class, SlowResponseResettingHandler.class, RunningRequestLimitingHandler.class,
				ServletInitialHandler.class, ResetRequestSkippingHandler.class);
	}

	@Test
	void keepsOnlyWhatNeedsNoInternalsWhenStreamsCannotBeReached() throws Exception {
		UndertowInternals internals = new UndertowInternals(UndertowInternals.CONNECTION_RESPONSE_CHANNEL::equals);
		UndertowHandlerChainCustomizer customizer = new UndertowHandlerChainCustomizer(internals, GUARD, List.of(),
				200, WINDOW, LIMITS, new Http2FrameOrder(internals));
		assertThat(chainOf(customizer)).containsExactly(UnparsableHostHandler.class, EarlyHintsVaryHandler.class,
				ContentLanguageHandler.class, TlsSessionInfoSharingHandler.class, RunningRequestLimitingHandler.class,
				ServletInitialHandler.class);
	}

	@Test
	void rejectsANegativeResetLimit() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UndertowHandlerChainCustomizer(GUARD, List.of(), -1, WINDOW, LIMITS, null));
	}

	/**
	 * Deploys an empty servlet deployment customized as Spring Boot would, and walks
	 * the handler chain Undertow built, from the root: h2-push's handlers, and Undertow's
	 * {@link ServletInitialHandler}, which separates the initial handlers from the outer
	 * ones.
	 */
	private static List<Class<?>> chainOf(UndertowHandlerChainCustomizer customizer) throws Exception {
		UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
		customizer.customize(factory);
		DeploymentInfo deploymentInfo = Servlets.deployment()
			.setClassLoader(UndertowHandlerChainCustomizerTests.class.getClassLoader())
			.setContextPath("/")
			.setDeploymentName("chain");
		for (UndertowDeploymentInfoCustomizer deploymentInfoCustomizer : factory.getDeploymentInfoCustomizers()) {
			deploymentInfoCustomizer.customize(deploymentInfo);
		}
		DeploymentManager manager = Servlets.newContainer().addDeployment(deploymentInfo);
		manager.deploy();
		try {
			List<Class<?>> chain = new ArrayList<>();
			for (HttpHandler handler = manager.start(); handler != null; handler = next(handler)) {
				Class<?> type = handler.getClass();
				if (type == ServletInitialHandler.class
						|| type.getPackageName().equals(UndertowHandlerChainCustomizer.class.getPackageName())) {
					chain.add(type);
				}
			}
			return chain;
		}
		finally {
			manager.stop();
			manager.undeploy();
		}
	}

	// the handler a handler calls next: its first HttpHandler field
	@Nullable
	private static HttpHandler next(HttpHandler handler) throws IllegalAccessException {
		for (Class<?> type = handler.getClass(); type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (HttpHandler.class.isAssignableFrom(field.getType()) && !Modifier.isStatic(field.getModifiers())) {
					field.setAccessible(true);
					return (HttpHandler) field.get(handler);
				}
			}
		}
		return null;
	}

}
