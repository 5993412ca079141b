package io.github.h2push.test;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.github.h2push.PushPromise;
import io.github.h2push.PushResult;
import io.github.h2push.engine.LearnedHints;

import org.springframework.lang.Nullable;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Factory for {@link ResultMatcher}s on the push promises a request made. Obtain one
 * with {@link PushPromiseMatchers#pushPromises()}.
 *
 * @since 0.1.0
 */
public final class PushPromiseResultMatchers {

	PushPromiseResultMatchers() {
	}

	/**
	 * Asserts that exactly these paths were pushed, in this order.
	 * @param paths the expected paths
	 * @return the matcher
	 */
	public ResultMatcher paths(String... paths) {
		List<String> expected = Arrays.asList(paths);
		return (result) -> {
			List<String> actual = PushPromises.of(result).stream().map(PushPromise::path).toList();
			if (!actual.equals(expected)) {
				fail("Expected push promises for " + expected, result);
			}
		};
	}

	/**
	 * Asserts that this path was pushed, among others or alone.
	 * @param path the expected path
	 * @return the matcher
	 */
	public ResultMatcher path(String path) {
		return (result) -> {
			if (find(result, path) == null) {
				fail("Expected a push promise for " + path, result);
			}
		};
	}

	/**
	 * Asserts that the promise for a path carries a header with this value among its
	 * values.
	 * @param path the promised path
	 * @param name the header name, case-insensitive
	 * @param value the expected value
	 * @return the matcher
	 */
	public ResultMatcher header(String path, String name, String value) {
		return (result) -> {
			PushPromise promise = find(result, path);
			if (promise == null) {
				fail("Expected a push promise for " + path + " with header " + name + ": " + value, result);
				return;
			}
			List<String> values = promise.headerValues(name);
			if (!values.contains(value)) {
				fail("Expected the push promise for " + path + " to have header " + name + ": " + value
						+ ", but it had " + (!values.isEmpty() ? name + ": " + values : "no " + name + " header"),
						result);
			}
		};
	}

	/**
	 * Asserts that the promise for a path does not carry a header.
	 * @param path the promised path
	 * @param name the header name, case-insensitive
	 * @return the matcher
	 */
	public ResultMatcher doesNotHaveHeader(String path, String name) {
		return (result) -> {
			PushPromise promise = find(result, path);
			if (promise == null) {
				fail("Expected a push promise for " + path + " without header " + name, result);
				return;
			}
			List<String> values = promise.headerValues(name);
			if (!values.isEmpty()) {
				fail("Expected the push promise for " + path + " not to have header " + name + ", but it had "
						+ name + ": " + values, result);
			}
		};
	}

	/**
	 * Asserts how many promises were pushed.
	 * @param count the expected number
	 * @return the matcher
	 */
	public ResultMatcher count(int count) {
		return (result) -> {
			if (PushPromises.of(result).size() != count) {
				fail("Expected " + count + " push promise" + ((count != 1) ? "s" : ""), result);
			}
		};
	}

	/**
	 * Asserts that nothing was pushed.
	 * @return the matcher
	 */
	public ResultMatcher none() {
		return (result) -> {
			if (!PushPromises.of(result).isEmpty()) {
				fail("Expected no push promises", result);
			}
		};
	}

	/**
	 * Asserts that exactly these paths were hinted with {@code Link: rel=preload}
	 * instead of pushed, in this order.
	 * @param paths the expected paths
	 * @return the matcher
	 */
	public ResultMatcher hinted(String... paths) {
		List<String> expected = Arrays.asList(paths);
		return (result) -> {
			List<String> actual = PushPromises.results(result)
				.stream()
				.filter((attempt) -> attempt.outcome().isHint())
				.map(PushResult::path)
				.toList();
			if (!actual.equals(expected)) {
				fail("Expected preload hints for " + expected, result);
			}
		};
	}

	/**
	 * Asserts that the response taught exactly these paths, in this order, to the
	 * learned hints of its handler method or route ({@code h2-push.learn.enabled}):
	 * the plan that later navigations to it are offered.
	 * @param paths the expected paths; none to assert that the response was read and
	 * taught nothing
	 * @return the matcher
	 */
	public ResultMatcher learned(String... paths) {
		List<String> expected = Arrays.asList(paths);
		return (result) -> {
			Object learned = result.getRequest().getAttribute(LearnedHints.LEARNED_ATTRIBUTE);
			Object refusal = result.getRequest().getAttribute(LearnedHints.REFUSAL_ATTRIBUTE);
			if (learned == null && refusal != null) {
				throw new AssertionError("Expected the response to teach " + expected + ", but it may not teach: "
						+ refusal);
			}
			if (learned == null) {
				throw new AssertionError("Expected the response to teach " + expected + ", but it was not learned from"
						+ " (learning off, not a navigation, not a 200 HTML response, or not sampled)");
			}
			if (!learned.equals(expected)) {
				Object refused = result.getRequest().getAttribute(LearnedHints.REFUSED_ATTRIBUTE);
				throw new AssertionError("Expected the response to teach " + expected + ", but it taught " + learned
						+ ((refused != null) ? "; left out " + refused : ""));
			}
		};
	}

	/**
	 * Asserts that the response was not learned from.
	 * @return the matcher
	 */
	public ResultMatcher notLearned() {
		return (result) -> {
			Object learned = result.getRequest().getAttribute(LearnedHints.LEARNED_ATTRIBUTE);
			if (learned != null) {
				throw new AssertionError("Expected the response not to be learned from, but it taught " + learned);
			}
		};
	}

	@Nullable
	private static PushPromise find(MvcResult result, String path) {
		return PushPromises.of(result)
			.stream()
			.filter((promise) -> Objects.equals(promise.path(), path))
			.findFirst()
			.orElse(null);
	}

	// The leading line break is AssertJ's convention: MockMvcTester's matches(...) lists
	// failures after a "-- failure 1 --" heading, and JUnit after "AssertionError: ".
	private static void fail(String expectation, MvcResult result) {
		throw new AssertionError("\n" + expectation + "\n" + describe(result));
	}

	static String describe(MvcResult result) {
		List<PushResult> results = PushPromises.results(result);
		StringBuilder description = new StringBuilder("but the request to ")
			.append(result.getRequest().getRequestURI())
			.append(" pushed");
		List<PushPromise> promises = PushPromises.of(result);
		if (promises.isEmpty()) {
			description.append(" nothing");
			if (results.isEmpty()) {
				description.append(whyNothingWasAttempted(result));
			}
		}
		else {
			description.append(':');
			for (PushPromise promise : promises) {
				description.append("\n  ").append(promise.path()).append(' ').append(promise.headers());
			}
		}
		for (PushResult attempt : results) {
			if (!attempt.isPushed()) {
				description.append("\n  (").append(attempt).append(')');
			}
		}
		return description.toString();
	}

	// no result at all: h2-push never saw the request, so say why that may be
	static String whyNothingWasAttempted(MvcResult result) {
		WebApplicationContext context = WebApplicationContextUtils
			.getWebApplicationContext(result.getRequest().getServletContext());
		if (context != null && "false".equalsIgnoreCase(context.getEnvironment().getProperty("h2-push.enabled"))) {
			return ": h2-push is disabled (h2-push.enabled=false), so no push, hint or 103 is attempted";
		}
		return " and attempted nothing: no declared resource, route, Link header or push(...) applied to this "
				+ "request, or h2-push is not set up for this MockMvc";
	}

}
