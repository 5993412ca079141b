package io.github.h2push.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushListener;
import io.github.h2push.PushOutcome;
import io.github.h2push.PushPromise;
import io.github.h2push.PushPromiseService;
import io.github.h2push.PushReason;
import io.github.h2push.PushResult;
import io.github.h2push.spi.PushChannel;
import io.github.h2push.spi.PushTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.lang.Nullable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link PushPromiseService}.
 */
class DefaultPushPromiseServiceTests {

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final DefaultPushPromiseService service = service(10, true);

	@AfterEach
	void resetRequestContext() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void pushesWithTheAllowlistedHeadersAndRecordsTheResult() {
		this.request.addHeader("Accept", "text/css");
		this.request.addHeader("Authorization", "Bearer secret");
		PushResult result = this.service.push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.PUSHED);
		assertThat(result.promise().path()).isEqualTo("/css/site.css");
		assertThat(result.promise().headers().toSingleValueMap()).containsExactly(entry("accept", "text/css"));
		assertThat(PushPromiseService.results(this.request)).containsExactly(result);
		assertThat(this.response.getHeaders("Link")).isEmpty();
	}

	@Test
	void pushesForTheCurrentRequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.request, this.response));
		assertThat(this.service.push("/js/app.js").isPushed()).isTrue();
		assertThat(this.service.push(this.request, "/css/site.css").isPushed()).isTrue();
		assertThat(PushPromiseService.results(this.request)).extracting(PushResult::path)
			.containsExactly("/js/app.js", "/css/site.css");
	}

	@Test
	void recordsEachCallsResultsInOrderAndTellsTheListenersOncePerCall() {
		List<String> told = new ArrayList<>();
		PushListener listener = new PushListener() {

			@Override
			public void onResult(HttpServletRequest request, PushResult result) {
				told.add("one " + result.path());
			}

			@Override
			public void onResults(HttpServletRequest request, List<PushResult> results) {
				told.add(results.stream().map(PushResult::path).toList().toString());
			}

		};
		DefaultPushPromiseService service = DefaultPushPromiseService
			.builder(List.of(new FakeTransport("the client refused push")))
			.listeners(List.of(listener))
			.build();
		List<PushResult> planned = service.push(this.request, this.response,
				new PushPlan(List.of(PreloadLink.of("/css/site.css"), PreloadLink.of("/js/app.js"))));
		service.push(this.request, this.response, "/img/logo.svg");
		service.push(this.request, this.response, "/bad path");
		assertThat(PushPromiseService.results(this.request)).extracting(PushResult::path)
			.containsExactly("/css/site.css", "/js/app.js", "/img/logo.svg", "/bad path");
		// what a call returned stays what it was, and is not for changing
		assertThat(planned).extracting(PushResult::path).containsExactly("/css/site.css", "/js/app.js");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> planned.remove(0));
		assertThat(told).containsExactly("[/css/site.css, /js/app.js]", "[/img/logo.svg]", "[/bad path]");
		assertThat(this.response.getHeaders("Link")).containsExactly("</css/site.css>; rel=preload; as=style",
				"</js/app.js>; rel=preload; as=script", "</img/logo.svg>; rel=preload; as=image");
	}

	@Test
	void keepsResultsAnotherCallerPutOnTheRequestFirst() {
		PushResult earlier = PushResult.notPushed("/earlier.css", PushOutcome.SKIPPED, PushReason.ACCESS_POLICY, null);
		this.request.setAttribute(PushPromiseService.RESULTS_ATTRIBUTE, new ArrayList<>(List.of(earlier)));
		this.service.push(this.request, this.response, "/css/site.css");
		this.service.push(this.request, this.response, "/js/app.js");
		assertThat(PushPromiseService.results(this.request)).extracting(PushResult::path)
			.containsExactly("/earlier.css", "/css/site.css", "/js/app.js");
	}

	@Test
	void offersEachPathOfALargePlanOnce() {
		List<PreloadLink> links = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			links.add(PreloadLink.of("/img/" + i + ".svg"));
		}
		// the plan of a handler is without duplicates; a resolver can make two paths one
		links.add(PreloadLink.of("/img/old-1.svg"));
		DefaultPushPromiseService resolving = DefaultPushPromiseService
			.builder(List.of(new FakeTransport("the client refused push")))
			.urlResolver((request, path) -> path.replace("old-", ""))
			.build();
		List<PushResult> results = resolving.push(this.request, this.response, new PushPlan(links));
		assertThat(results).hasSize(20).extracting(PushResult::path).doesNotHaveDuplicates();
		assertThat(this.response.getHeaders("Link")).hasSize(20);
	}

	@Test
	void hintsAnExtensionlessPathAsAFetchOrAsTheDestinationGiven() {
		DefaultPushPromiseService hinting = service(new FakeTransport("the client refused push"));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.request, this.response));
		assertThat(hinting.push("/api/orders").outcome()).isEqualTo(PushOutcome.HINTED);
		assertThat(hinting.push("/avatar/42", "image").outcome()).isEqualTo(PushOutcome.HINTED);
		assertThat(hinting.push(this.request, this.response, "/worker", "worker").outcome())
			.isEqualTo(PushOutcome.HINTED);
		assertThat(this.response.getHeaders("Link")).containsExactly(
				"</api/orders>; rel=preload; as=fetch; crossorigin", "</avatar/42>; rel=preload; as=image",
				"</worker>; rel=preload; as=worker");
	}

	@Test
	void refusesADestinationThatIsNotOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.push(this.request, this.response,
				"/api/orders", "json"))
			.withMessageContaining("'json' is not a preload destination");
	}

	@Test
	void failsWithoutACurrentRequest() {
		assertThatIllegalStateException().isThrownBy(() -> this.service.push("/css/site.css"))
			.withMessageContaining("No current servlet request");
	}

	@Test
	void hintsWhenTheClientRefusesPush() {
		PushResult result = service(new FakeTransport("the client refused push"))
			.push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.HINTED);
		assertThat(result.promise()).isNull();
		assertThat(result.reason()).isEqualTo(PushReason.CLIENT_REFUSED);
		assertThat(result.detail()).isEqualTo("the client refused push");
		assertThat(this.response.getHeaders("Link")).containsExactly("</css/site.css>; rel=preload; as=style");
	}

	@Test
	void keepsItsStateOnTheRequestInOneAttributeBesideTheResults() {
		DefaultPushPromiseService service = service(new FakeTransport("the client refused push"));
		PushPlan plan = new PushPlan(List.of(PreloadLink.of("/css/site.css"), PreloadLink.of("/js/app.js")));
		service.push(this.request, this.response, plan);
		service.push(this.request, this.response, "/img/logo.svg");
		// a request's attributes are a hash map: each one more can make it grow
		assertThat(Collections.list(this.request.getAttributeNames())).hasSize(2)
			.contains(PushPromiseService.RESULTS_ATTRIBUTE);
		assertThat(this.response.getHeaders("Link")).containsExactly("</css/site.css>; rel=preload; as=style",
				"</js/app.js>; rel=preload; as=script", "</img/logo.svg>; rel=preload; as=image");
		assertThat(OwnLinkHeaders.of(this.request)).isEqualTo(this.response.getHeaders("Link"));
		assertThat(OwnLinkHeaders.isOwn(this.request, "</js/app.js>; rel=preload; as=script")).isTrue();
		assertThat(OwnLinkHeaders.isOwn(this.request, "</other.js>; rel=preload; as=script")).isFalse();
		OwnLinkHeaders.forget(this.request);
		assertThat(OwnLinkHeaders.of(this.request)).isEmpty();
	}

	@Test
	void leavesTheLinksGivenToA103AsTheyWereWhenALaterCallHints() {
		FakeTransport transport = new FakeTransport("the client refused push");
		transport.earlyHints = new ArrayList<>();
		DefaultPushPromiseService service = service(transport);
		service.push(this.request, this.response,
				new PushPlan(List.of(PreloadLink.of("/css/site.css"), PreloadLink.of("/js/app.js"))));
		service.push(this.request, this.response, "/img/logo.svg");
		OwnLinkHeaders.add(this.request, this.response, List.of("</font.woff2>; rel=preload; as=font; crossorigin"));
		assertThat(transport.earlyHints).containsExactly(
				List.of("</css/site.css>; rel=preload; as=style", "</js/app.js>; rel=preload; as=script"));
		assertThat(OwnLinkHeaders.of(this.request)).hasSize(4);
	}

	@Test
	void hintsBeyondTheLimit() {
		DefaultPushPromiseService service = service(1, true);
		service.push(this.request, this.response, "/css/site.css");
		PushResult second = service.push(this.request, this.response, "/js/app.js");
		assertThat(second.outcome()).isEqualTo(PushOutcome.LIMITED);
		assertThat(second.reason()).isEqualTo(PushReason.MAX_PUSHES);
		assertThat(second.detail()).contains("max-pushes-per-request (1)");
		assertThat(this.response.getHeaders("Link")).containsExactly("</js/app.js>; rel=preload; as=script");
	}

	@Test
	void hintsWithoutATransportForTheRequest() {
		DefaultPushPromiseService service = DefaultPushPromiseService.builder(List.of()).build();
		PushResult result = service.push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.HINTED);
		assertThat(result.reason()).isEqualTo(PushReason.UNAVAILABLE);
	}

	@Test
	void hintsWhenTheConnectionHasNoStreamSlot() {
		FakeTransport transport = new FakeTransport(null);
		transport.answer = PushChannel.Answer.NO_STREAM_SLOT;
		PushResult result = service(transport).push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.LIMITED);
		assertThat(result.reason()).isEqualTo(PushReason.STREAM_LIMIT);
		assertThat(result.detail()).isEqualTo("the client's concurrent-stream limit is reached");
		assertThat(this.response.getHeaders("Link")).containsExactly("</css/site.css>; rel=preload; as=style");
	}

	@Test
	void pushesAndHintsDeclaredPathsWithinTheApplicationsContextPath() {
		this.request.setContextPath("/app");
		FakeTransport transport = new FakeTransport(null);
		PushResult pushed = service(transport).push(this.request, this.response, "/css/site.css");
		assertThat(pushed.promise().path()).isEqualTo("/app/css/site.css");
		assertThat(transport.pushed).containsExactly("/app/css/site.css");
		MockHttpServletRequest refusing = new MockHttpServletRequest("GET", "/app/page");
		refusing.setContextPath("/app");
		service(new FakeTransport("refused")).push(refusing, this.response, "/js/app.js");
		assertThat(this.response.getHeaders("Link")).containsExactly("</app/js/app.js>; rel=preload; as=script");
	}

	@Test
	void pushesTheApplicationsOwnLinksOnceWithinItsContextPathAndNoneOutside() {
		this.request.setContextPath("/app");
		FakeTransport transport = new FakeTransport(null);
		List<PushResult> results = service(transport).pushLinks(this.request, this.response,
				"</app/css/site.css>; rel=preload; as=style, </other/x.js>; rel=preload; as=script");
		assertThat(results).extracting(PushResult::path).containsExactly("/app/css/site.css");
		assertThat(transport.pushed).containsExactly("/app/css/site.css");
	}

	@Test
	void readsNoLinkHeaderOfARequestThatCannotPushAndOpensItsChannelOnce() {
		FakeTransport transport = new FakeTransport("the client refused push");
		DefaultPushPromiseService service = service(transport);
		assertThat(service.pushLinks(this.request, this.response, "</css/site.css>; rel=preload; as=style")).isEmpty();
		assertThat(service.pushLinks(this.request, this.response, "</a\tb.js>; rel=preload; as=script")).isEmpty();
		assertThat(service.push(this.request, this.response, "/img/logo.svg").outcome()).isEqualTo(PushOutcome.HINTED);
		assertThat(transport.opened).hasValue(1);
		// nothing is recorded for the application's links, valid or not
		assertThat(PushPromiseService.results(this.request)).extracting(PushResult::path)
			.containsExactly("/img/logo.svg");
	}

	@Test
	void opensNoChannelForALinkHeaderWithoutPreloadLinks() {
		FakeTransport transport = new FakeTransport(null);
		assertThat(service(transport).pushLinks(this.request, this.response, "</>; rel=canonical")).isEmpty();
		assertThat(transport.opened).hasValue(0);
	}

	@Test
	void pushesTheLinksOfAHeaderWithoutAResponseThroughOneChannel() {
		FakeTransport transport = new FakeTransport(null);
		List<PushResult> results = service(transport).pushLinks(this.request, null,
				"</css/site.css>; rel=preload; as=style, </js/app.js>; rel=PRELOAD; as=script");
		assertThat(results).extracting(PushResult::outcome).containsExactly(PushOutcome.PUSHED, PushOutcome.PUSHED);
		assertThat(transport.opened).hasValue(1);
	}

	@Test
	void skipsATransportThatFailsToOpenAChannel() {
		FakeTransport working = new FakeTransport(null);
		PushTransport failing = (request, response) -> {
			throw new IllegalStateException("not this server's request");
		};
		PushResult result = DefaultPushPromiseService.builder(List.of(failing, working))
			.build()
			.push(this.request, this.response, "/css/site.css");
		assertThat(result.isPushed()).isTrue();
		assertThat(working.opened).hasValue(1);
	}

	@Test
	void hintsWhenTheConnectionRefusesThePush() {
		FakeTransport transport = new FakeTransport(null);
		transport.answer = PushChannel.Answer.REFUSED;
		PushResult result = service(transport).push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.HINTED);
		assertThat(result.reason()).isEqualTo(PushReason.CLIENT_REFUSED);
		assertThat(this.response.getHeaders("Link")).containsExactly("</css/site.css>; rel=preload; as=style");
	}

	@Test
	void limitsWhenTheConnectionRunsAsManyPushedResponsesAsItMay() {
		FakeTransport transport = new FakeTransport(null);
		transport.answer = PushChannel.Answer.BUSY;
		PushResult result = service(transport).push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.LIMITED);
		assertThat(result.reason()).isEqualTo(PushReason.STREAM_LIMIT);
	}

	@Test
	void describesAResultWithoutHeaderValues() {
		this.request.addHeader("Authorization", "Basic c2VjcmV0");
		PushResult result = DefaultPushPromiseService.builder(List.of(new FakeTransport(null)))
			.copiedHeaders(new RequestHeaderAllowlist(List.of("accept", "authorization")))
			.build()
			.push(this.request, this.response, "/orders/1");
		assertThat(result.isPushed()).isTrue();
		assertThat(result).hasToString("PUSHED /orders/1 [authorization]");
		assertThat(result.promise().headerValues("Authorization")).containsExactly("Basic c2VjcmV0");
	}

	@Test
	void recordsAPushTheConnectionAlreadyHadAsDuplicateWithoutAHint() {
		FakeTransport transport = new FakeTransport(null);
		transport.answer = PushChannel.Answer.ALREADY_PUSHED;
		PushResult result = service(transport).push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.DUPLICATE);
		assertThat(result.reason()).isEqualTo(PushReason.DUPLICATE);
		assertThat(result.detail()).isEqualTo("already pushed on this connection");
		assertThat(this.response.getHeaders("Link")).isEmpty();
	}

	@Test
	void opensOneChannelForAWholePlan() {
		FakeTransport transport = new FakeTransport(null);
		PushPlan plan = new PushPlan(List.of(PreloadLink.of("/css/site.css"), PreloadLink.of("/js/app.js"),
				PreloadLink.of("/img/logo.svg")));
		List<PushResult> results = service(transport).push(this.request, this.response, plan);
		assertThat(results).allMatch(PushResult::isPushed);
		assertThat(transport.opened).hasValue(1);
		assertThat(transport.pushed).containsExactly("/css/site.css", "/js/app.js", "/img/logo.svg");
	}

	@Test
	void opensOneChannelForARequestWhateverNumberOfCallsPushForIt() {
		FakeTransport transport = new FakeTransport(null);
		DefaultPushPromiseService service = service(transport);
		service.push(this.request, this.response, new PushPlan(List.of(PreloadLink.of("/css/site.css"))));
		service.push(this.request, this.response, "/js/app.js");
		service.push(this.request, this.response, "/img/logo.svg");
		assertThat(transport.opened).hasValue(1);
		assertThat(service.push(new MockHttpServletRequest("GET", "/other"), this.response, "/a.css").isPushed())
			.isTrue();
		assertThat(transport.opened).hasValue(2);
	}

	@Test
	void hintsInsteadOfPushingForHead() {
		MockHttpServletRequest head = new MockHttpServletRequest("HEAD", "/page");
		PushResult result = this.service.push(head, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.HINTED);
		assertThat(result.reason()).isEqualTo(PushReason.HEAD_REQUEST);
	}

	@Test
	void leavesAnOversizedHeaderOutOfThePromise() {
		this.request.addHeader("Accept", "text/css");
		this.request.addHeader("User-Agent", "x".repeat(3000));
		PushResult result = this.service.push(this.request, this.response, "/css/site.css");
		assertThat(result.isPushed()).isTrue();
		assertThat(result.promise().headers().toSingleValueMap()).containsOnlyKeys("accept");
	}

	@Test
	void hintsOnceTheRequestsCopiedHeadersReachTheirLimit() {
		this.request.addHeader("User-Agent", "x".repeat(1000));
		DefaultPushPromiseService service = DefaultPushPromiseService.builder(List.of(new FakeTransport(null)))
			.copiedHeaders(new RequestHeaderAllowlist(List.of("user-agent")))
			.maxCopiedBytesPerRequest(2500)
			.build();
		assertThat(service.push(this.request, this.response, "/a.css").isPushed()).isTrue();
		assertThat(service.push(this.request, this.response, "/b.css").isPushed()).isTrue();
		PushResult third = service.push(this.request, this.response, "/c.css");
		assertThat(third.outcome()).isEqualTo(PushOutcome.LIMITED);
		assertThat(third.reason()).isEqualTo(PushReason.HEADER_SIZE);
		assertThat(third.detail()).contains("2500 bytes");
	}

	@Test
	void skipsWhenPreloadLinksAreOff() {
		PushResult result = DefaultPushPromiseService.builder(List.of(new FakeTransport("refused")))
			.preloadLinks(false)
			.build()
			.push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.SKIPPED);
		assertThat(this.response.getHeaders("Link")).isEmpty();
	}

	@Test
	void skipsWhenTheResponseIsCommitted() {
		this.response.setCommitted(true);
		PushResult result = service(new FakeTransport("refused")).push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.SKIPPED);
		assertThat(result.reason()).isEqualTo(PushReason.CLIENT_REFUSED);
		assertThat(result.detail()).isEqualTo("refused; no uncommitted response for a preload link");
	}

	@Test
	void neitherPushesNorHintsWhatAFailingAccessPolicyWasAskedAbout() {
		DefaultPushPromiseService service = DefaultPushPromiseService.builder(List.of(new FakeTransport(null)))
			.accessPolicies(List.of((request, path) -> {
				throw new IllegalStateException("no security context");
			}))
			.build();
		PushResult result = service.push(this.request, this.response, "/css/site.css");
		assertThat(result.outcome()).isEqualTo(PushOutcome.SKIPPED);
		assertThat(result.reason()).isEqualTo(PushReason.ACCESS_POLICY);
		assertThat(this.response.getHeaders("Link")).isEmpty();
		assertThat(service.pushLinks(this.request, this.response, "</js/app.js>; rel=preload; as=script"))
			.extracting(PushResult::outcome)
			.containsExactly(PushOutcome.SKIPPED);
	}

	@Test
	void rejectsBadPathsAndRecordsWhy() {
		PushResult result = this.service.push(this.request, this.response, "/a\r\nSet-Cookie: x=y");
		assertThat(result.outcome()).isEqualTo(PushOutcome.REJECTED);
		assertThat(result.reason()).isEqualTo(PushReason.INVALID_PATH);
		assertThat(result.detail()).isEqualTo("path contains a control character (CR) at index 2");
		assertThat(this.response.getHeaderNames()).isEmpty();
		assertThat(PushPromiseService.results(this.request)).containsExactly(result);
	}

	@Test
	void offersEachPathOfALongPlanOnce() {
		List<PreloadLink> links = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			links.add(PreloadLink.of("/js/" + i + ".js"));
			// one path again among the first few, another far into the plan
			if (i == 3 || i == 10) {
				links.add(PreloadLink.of("/js/" + (i - 2) + ".js"));
			}
		}
		List<PushResult> results = service(new FakeTransport("the client refused push")).push(this.request,
				this.response, new PushPlan(links));
		assertThat(results).hasSize(12);
		assertThat(results).extracting(PushResult::path).doesNotHaveDuplicates();
		assertThat(this.response.getHeaders("Link")).hasSize(12).doesNotHaveDuplicates();
	}

	private static DefaultPushPromiseService service(int max, boolean preloadLinks) {
		return DefaultPushPromiseService.builder(List.of(new FakeTransport(null)))
			.maxPushesPerRequest(max)
			.preloadLinks(preloadLinks)
			.build();
	}

	private static DefaultPushPromiseService service(PushTransport transport) {
		return DefaultPushPromiseService.builder(List.of(transport)).build();
	}

	/**
	 * A transport whose channels refuse, or answer every push, as told.
	 */
	static final class FakeTransport implements PushTransport {

		@Nullable
		private final PushChannel.Refusal refusal;

		PushChannel.Answer answer = PushChannel.Answer.SENT;

		final AtomicInteger opened = new AtomicInteger();

		final List<String> pushed = new ArrayList<>();

		// the lists given to each 103, as given, when the channel sends 103s
		@Nullable
		List<List<String>> earlyHints;

		FakeTransport(@Nullable String refusal) {
			this.refusal = (refusal != null) ? new PushChannel.Refusal(PushReason.CLIENT_REFUSED, refusal) : null;
		}

		@Override
		public PushChannel open(HttpServletRequest request, @Nullable HttpServletResponse response) {
			this.opened.incrementAndGet();
			return new PushChannel() {

				@Override
				public Refusal refusal() {
					return FakeTransport.this.refusal;
				}

				@Override
				public Answer push(PushPromise promise) {
					FakeTransport.this.pushed.add(promise.path());
					return FakeTransport.this.answer;
				}

				@Override
				public boolean sendEarlyHints(List<String> links, boolean overHttp1) {
					if (FakeTransport.this.earlyHints == null) {
						return false;
					}
					FakeTransport.this.earlyHints.add(links);
					return true;
				}

			};
		}

	}

}
