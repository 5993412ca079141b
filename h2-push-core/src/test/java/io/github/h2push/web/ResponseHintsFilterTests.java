package io.github.h2push.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.github.h2push.PushPromiseService;
import io.github.h2push.engine.DefaultPushPromiseService;
import io.github.h2push.engine.LearnedHints;
import io.github.h2push.engine.OwnLinkHeaders;
import io.github.h2push.spi.PushChannel;
import io.github.h2push.spi.PushTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResponseHintsFilter}.
 */
class ResponseHintsFilterTests {

	private static final String PAGE = "<!DOCTYPE html><html><head><link rel=stylesheet href=/css/site.css></head>"
			+ "<body>page</body></html>";

	private final ResponseHintsFilter filter = new ResponseHintsFilter(
			DefaultPushPromiseService.builder(List.of()).build());

	@Test
	void watchesAResponseOnceWhenItPassesAgainWrapped() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		AtomicReference<ServletResponse> watched = new AtomicReference<>();
		AtomicReference<ServletResponse> forwarded = new AtomicReference<>();
		this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			watched.set(res);
			// a forward of the response as a later filter wrapped it
			ServletResponse wrapped = new HttpServletResponseWrapper((HttpServletResponse) res);
			this.filter.doFilter(req, wrapped, (forwardedRequest, forwardedResponse) -> {
				assertThat(forwardedResponse).isSameAs(wrapped);
				forwarded.set(forwardedResponse);
			});
		});
		assertThat(watched.get()).as("the response the chain got").isNotInstanceOf(MockHttpServletResponse.class);
		assertThat(forwarded.get()).as("the forwarded response, passed on as it was").isNotNull();
	}

	@Test
	void watchesAResponseForwardedToBeforeItRan() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		MockHttpServletResponse response = new MockHttpServletResponse();
		// the forwarded page's response, wrapped by a filter that ran before this one
		HttpServletResponseWrapper wrapped = new HttpServletResponseWrapper(response);
		this.filter.doFilter(request, wrapped, (req, res) -> {
			assertThat(res).isNotSameAs(wrapped);
			OwnLinkHeaders.add((HttpServletRequest) req, (HttpServletResponse) res,
					List.of("</css/site.css>; rel=preload; as=style"));
			((HttpServletResponse) res).setHeader("Link", "</js/app.js>; rel=preload; as=script");
		});
		assertThat(response.getHeaders("Link")).containsExactlyInAnyOrder("</js/app.js>; rel=preload; as=script",
				"</css/site.css>; rel=preload; as=style");
	}

	@Test
	void keepsItsOwnHintsWhenTheApplicationSetsALinkHeader() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) res;
				OwnLinkHeaders.add((jakarta.servlet.http.HttpServletRequest) req, http,
						List.of("</css/site.css>; rel=preload; as=style"));
				http.setHeader("Link", "</js/app.js>; rel=preload; as=script");
			}

		});
		assertThat(response.getHeaders("Link")).containsExactlyInAnyOrder("</js/app.js>; rel=preload; as=script",
				"</css/site.css>; rel=preload; as=style");
	}

	@Test
	void dropsItsOwnHintsFromAnErrorResponseButKeepsTheApplicationsLinks() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/docs/missing");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
					throws java.io.IOException {
				jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) res;
				OwnLinkHeaders.add((jakarta.servlet.http.HttpServletRequest) req, http,
						List.of("</css/site.css>; rel=preload; as=style"));
				http.addHeader("Link", "<https://example.com/>; rel=canonical");
				http.sendError(404);
			}

		});
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getHeaders("Link")).containsExactly("<https://example.com/>; rel=canonical");
		assertThat(OwnLinkHeaders.of(request)).isEmpty();
	}

	@Test
	void keepsItsOwnHintsOnASuccessfulResponse() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/docs/page");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) res;
				OwnLinkHeaders.add((jakarta.servlet.http.HttpServletRequest) req, http,
						List.of("</css/site.css>; rel=preload; as=style"));
				http.setStatus(200);
			}

		});
		assertThat(response.getHeaders("Link")).containsExactly("</css/site.css>; rel=preload; as=style");
	}

	@Test
	void servesThePageWhenAnAccessPolicyFailsOnTheApplicationsLinkHeader() throws Exception {
		PushChannel channel = new PushChannel() {

			@Override
			public Refusal refusal() {
				return null;
			}

			@Override
			public Answer push(io.github.h2push.PushPromise promise) {
				return Answer.SENT;
			}

		};
		ResponseHintsFilter filter = new ResponseHintsFilter(DefaultPushPromiseService
			.builder(List.<PushTransport>of((request, response) -> channel))
			.accessPolicies(List.of((request, path) -> {
				throw new IllegalStateException("no security context");
			}))
			.build());
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
					throws java.io.IOException {
				jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) res;
				http.setHeader("Link", "</js/app.js>; rel=preload; as=script");
				http.getWriter().write("page");
			}

		});
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeaders("Link")).containsExactly("</js/app.js>; rel=preload; as=script");
		assertThat(response.getContentAsString()).isEqualTo("page");
		assertThat(PushPromiseService.results(request)).noneMatch((result) -> result.isPushed());
	}

	@Test
	void reportsAFailedWriteOfASampledResponseInCheckError() throws Exception {
		MockHttpServletRequest request = sampled();
		HttpServletResponse failing = new HttpServletResponseWrapper(new MockHttpServletResponse()) {

			private final PrintWriter writer = new PrintWriter(new Writer() {

				@Override
				public void write(char[] cbuf, int off, int len) throws IOException {
					throw new IOException("connection reset");
				}

				@Override
				public void flush() {
				}

				@Override
				public void close() {
				}

			});

			@Override
			public PrintWriter getWriter() {
				return this.writer;
			}

		};
		AtomicBoolean error = new AtomicBoolean();
		learning().doFilter(request, failing, (req, res) -> {
			res.setContentType("text/html");
			PrintWriter writer = res.getWriter();
			writer.write(PAGE);
			error.set(writer.checkError());
		});
		assertThat(error).isTrue();
	}

	@Test
	void learnsNothingOfWhatWasWrittenBeforeResetBuffer() throws Exception {
		MockHttpServletRequest request = sampled();
		learning().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			res.setContentType("text/html");
			res.getOutputStream().print("<head><link rel=stylesheet href=/css/stale.css>");
			res.resetBuffer();
			res.getOutputStream().print(PAGE);
		});
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE)).isEqualTo(List.of("/css/site.css"));
	}

	@Test
	void learnsWhatIsWrittenAfterAReset() throws Exception {
		MockHttpServletRequest request = sampled();
		learning().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			res.setContentType("text/html");
			res.getWriter().write("<head><link rel=stylesheet href=/css/stale.css>");
			res.reset();
			res.setContentType("text/html");
			res.getWriter().write(PAGE);
		});
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE)).isEqualTo(List.of("/css/site.css"));
	}

	@Test
	void learnsFromAnAnonymousPublicPage() throws Exception {
		MockHttpServletRequest request = sampled();
		learning().doFilter(request, new MockHttpServletResponse(), page(PAGE));
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE)).isEqualTo(List.of("/css/site.css"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Cookie: SESSION=alice", "Authorization: Bearer alice", "session", "principal" })
	void learnsNothingFromARequestThatCarriesAUser(String user) throws Exception {
		// a cookie-session login without a principal on the request: one user's page is not everyone's
		MockHttpServletRequest request = sampled();
		switch (user) {
			case "session" -> request.getSession().setAttribute("user", "alice");
			case "principal" -> request.setUserPrincipal(() -> "alice");
			default -> request.addHeader(user.substring(0, user.indexOf(':')), user.substring(user.indexOf(':') + 2));
		}
		learning().doFilter(request, new MockHttpServletResponse(),
				page("<head><link rel=stylesheet href=/u/alice/theme.css></head>"));
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Cache-Control: private, max-age=60", "Cache-Control: no-cache, no-store",
			"Set-Cookie: theme=dark; Path=/", "Vary: Accept-Encoding, Cookie", "Vary: authorization", "Vary: *" })
	void learnsNothingFromAPersonalisedResponse(String header) throws Exception {
		MockHttpServletRequest request = sampled();
		String name = header.substring(0, header.indexOf(':'));
		String value = header.substring(header.indexOf(':') + 2);
		learning().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			((HttpServletResponse) res).addHeader(name, value);
			page(PAGE).doFilter(req, res);
		});
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE)).isNull();
	}

	@Test
	void learnsNothingFromAResponseThatAddsACookie() throws Exception {
		MockHttpServletRequest request = sampled();
		learning().doFilter(request, new NoCookieHeaders(), (req, res) -> {
			((HttpServletResponse) res).addCookie(new Cookie("theme", "dark"));
			page(PAGE).doFilter(req, res);
		});
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE)).isNull();
	}

	@Test
	void learnsNothingFromAResponseThatStartedASession() throws Exception {
		MockHttpServletRequest request = sampled();
		learning().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			((HttpServletRequest) req).getSession().setAttribute("user", "alice");
			page(PAGE).doFilter(req, res);
		});
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE)).isNull();
	}

	@Test
	void learnsNoTargetThatCarriesAPathVariableOfThePage() throws Exception {
		// a capability URL: its id must not reach every later visitor
		MockHttpServletRequest request = sampled("/s/k7Qf2xLm9Tz", "/s/{id}");
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", "k7Qf2xLm9Tz"));
		learning().doFilter(request, new MockHttpServletResponse(),
				page("<head><link rel=stylesheet href=/css/site.css>"
						+ "<link rel=preload as=image href=/s/k7Qf2xLm9Tz/cover.jpg>"
						+ "<link rel=preload as=image href=/covers/k7Qf2xLm9Tz-large.jpg></head>"));
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE)).isEqualTo(List.of("/css/site.css"));
	}

	@Test
	void learnsNoTargetThatCarriesAPathSegmentThePatternDoesNotName() throws Exception {
		MockHttpServletRequest request = sampled("/files/k7Qf2xLm9Tz/view", "/files/**");
		learning().doFilter(request, new MockHttpServletResponse(),
				page("<head><link rel=stylesheet href=/css/site.css><script src=/files/k7Qf2xLm9Tz/app.js></script>"
						+ "<link rel=stylesheet href=/css/files.css></head>"));
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE))
			.isEqualTo(List.of("/css/site.css", "/css/files.css"));
	}

	@Test
	void learnsNoTargetThatCarriesAQueryParameter() throws Exception {
		MockHttpServletRequest request = sampled("/theme", "/theme");
		request.setQueryString("t=evil&next=/account/delete");
		request.addParameter("t", "evil");
		request.addParameter("next", "/account/delete");
		learning().doFilter(request, new MockHttpServletResponse(),
				page("<head><link rel=stylesheet href=/css/site.css><link rel=stylesheet href=/themes/evil.css>"
						+ "<link rel=preload as=fetch href=/account/delete></head>"));
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE)).isEqualTo(List.of("/css/site.css"));
	}

	@Test
	void learnsNoTargetThatCarriesARequestHeader() throws Exception {
		MockHttpServletRequest request = sampled("/theme", "/theme");
		request.addHeader("Accept-Language", "evil;q=0.9");
		request.addHeader("Accept", "text/html,image/webp,*/*;q=0.8");
		learning().doFilter(request, new MockHttpServletResponse(),
				page("<head><link rel=stylesheet href=/css/site.css><link rel=stylesheet href=/i18n/EVIL.css>"
						+ "<link rel=preload as=image href=/img/hero.webp></head>"));
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE))
			.isEqualTo(List.of("/css/site.css", "/img/hero.webp"));
	}

	@Test
	void learnsOnlyWhatTheApplicationServesAsStaticResources() throws Exception {
		MockHttpServletRequest request = sampled();
		ResponseHintsFilter filter = new ResponseHintsFilter(DefaultPushPromiseService.builder(List.of()).build(),
				true, new LearnedHints(10, 10, 100_000, 1, (req, path) -> path.startsWith("/css/")), 1024);
		filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			((HttpServletResponse) res).setHeader("Link", "</account/delete>; rel=preload; as=fetch");
			page("<head><link rel=stylesheet href=/css/site.css><script src=/api/me.js></script></head>").doFilter(req,
					res);
		});
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE)).isEqualTo(List.of("/css/site.css"));
		assertThat(request.getAttribute(LearnedHints.REFUSED_ATTRIBUTE)).isEqualTo(
				Map.of("/account/delete", LearnedHints.Refusal.NOT_STATIC, "/api/me.js", LearnedHints.Refusal.NOT_STATIC));
	}

	@Test
	void keepsTheCorsModeAndIntegrityOfWhatItLearns() throws Exception {
		LearnedHints hints = new LearnedHints(10, 10, 100_000, 1, (req, path) -> true);
		ResponseHintsFilter filter = new ResponseHintsFilter(DefaultPushPromiseService.builder(List.of()).build(),
				true, hints, 1024);
		filter.doFilter(sampled(), new MockHttpServletResponse(), (req, res) -> {
			((HttpServletResponse) res).setHeader("Link", "</fonts/a.woff2>; rel=preload; as=font; crossorigin, "
					+ "</css/print.css>; rel=preload; as=style; media=print");
			page("<head><script src=/js/app.js crossorigin integrity=\"sha256-abc=\"></script>"
					+ "<link rel=stylesheet href=/css/site.css crossorigin=use-credentials></head>").doFilter(req, res);
		});
		assertThat(hints.getPlans().get("/page").resources()).containsExactly(
				"</fonts/a.woff2>; rel=preload; as=font; crossorigin",
				"</js/app.js>; rel=preload; as=script; crossorigin; integrity=\"sha256-abc=\"",
				"</css/site.css>; rel=preload; as=style; crossorigin=use-credentials");
	}

	@Test
	void resolvesRelativeTargetsAgainstTheBaseOfThePage() throws Exception {
		MockHttpServletRequest request = sampled("/blog/post", "/blog/post");
		learning().doFilter(request, new MockHttpServletResponse(),
				page("<head><base href=\"/static/\"><link rel=stylesheet href=\"css/site.css\">"
						+ "<link rel=stylesheet href=\"/css/root.css\"></head>"));
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE))
			.isEqualTo(List.of("/static/css/site.css", "/css/root.css"));
	}

	@Test
	void learnsNothingABaseOnAnotherOriginResolves() throws Exception {
		MockHttpServletRequest request = sampled();
		learning().doFilter(request, new MockHttpServletResponse(),
				page("<head><base href=\"https://cdn.example/\"><link rel=stylesheet href=\"css/site.css\">"
						+ "<link rel=stylesheet href=\"/css/root.css\"><link rel=stylesheet href=\"http://localhost/css/own.css\">"
						+ "</head>"));
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE)).isEqualTo(List.of("/css/own.css"));
	}

	@Test
	void learnsNoRelativeTargetWhereTheHandlersPagesLieInDifferentDirectories() throws Exception {
		MockHttpServletRequest request = sampled("/docs/guide/intro", "/docs/**");
		learning().doFilter(request, new MockHttpServletResponse(),
				page("<head><link rel=stylesheet href=\"../site.css\"><link rel=stylesheet href=\"/css/site.css\">"
						+ "</head>"));
		assertThat(request.getAttribute(LearnedHints.LEARNED_ATTRIBUTE)).isEqualTo(List.of("/css/site.css"));
		assertThat(request.getAttribute(LearnedHints.REFUSED_ATTRIBUTE))
			.isEqualTo(Map.of("../site.css", LearnedHints.Refusal.RELATIVE_TO_PAGE));
	}

	private static ResponseHintsFilter learning() {
		return new ResponseHintsFilter(DefaultPushPromiseService.builder(List.of()).build(), true,
				new LearnedHints(10, 10, 100_000, 1, (request, path) -> true), 1024);
	}

	// what the interceptor does for a navigation it samples
	private static MockHttpServletRequest sampled() {
		return sampled("/page", "/page");
	}

	private static MockHttpServletRequest sampled(String path, String pattern) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
		request.setAttribute(LearnedHints.KEY_ATTRIBUTE, pattern);
		return request;
	}

	private static FilterChain page(String html) {
		return (req, res) -> {
			res.setContentType("text/html");
			res.getWriter().write(html);
		};
	}

	/**
	 * A response that, like Undertow's, shows no {@code Set-Cookie} header for a cookie
	 * added until it commits.
	 */
	static final class NoCookieHeaders extends MockHttpServletResponse {

		@Override
		public void addCookie(Cookie cookie) {
		}

	}

}
