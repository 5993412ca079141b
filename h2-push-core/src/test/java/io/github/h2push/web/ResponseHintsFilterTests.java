package io.github.h2push.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import io.github.h2push.PushPromiseService;
import io.github.h2push.engine.DefaultPushPromiseService;
import io.github.h2push.engine.LearnedHints;
import io.github.h2push.engine.OwnLinkHeaders;
import io.github.h2push.spi.PushChannel;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResponseHintsFilter}.
 */
class ResponseHintsFilterTests {

	private static final String PAGE = "<!DOCTYPE html><html><head><link rel=stylesheet href=/css/site.css></head>"
			+ "<body>page</body></html>";

	private final ResponseHintsFilter filter = new ResponseHintsFilter(DefaultPushPromiseService.builder(List.of()).build());

	@Test
	void keepsItsOwnHintsWhenTheApplicationSetsALinkHeader() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain() {

			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) res;
				OwnLinkHeaders.add((jakarta.servlet.http.HttpServletRequest) req, http, "</css/site.css>; rel=preload; as=style");
				http.setHeader("Link", "</js/app.js>; rel=preload; as=script");
			}

		});
		assertThat(response.getHeaders("Link")).containsExactlyInAnyOrder("</js/app.js>; rel=preload; as=script",
				"</css/site.css>; rel=preload; as=style");
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
			.builder(List.of((request) -> channel))
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

	private static ResponseHintsFilter learning() {
		return new ResponseHintsFilter(DefaultPushPromiseService.builder(List.of()).build(), true,
				new LearnedHints(10, 10, 100_000, 1), 1024);
	}

	// what the interceptor does for a navigation it samples
	private static MockHttpServletRequest sampled() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
		request.setAttribute(LearnedHints.KEY_ATTRIBUTE, "page");
		return request;
	}

}
