package io.github.h2push.test;

import java.util.Arrays;
import java.util.List;

import io.github.h2push.engine.LinkHeader;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * Matchers on the {@code 103 Early Hints} response of a MockMvc request, as the
 * {@link MockPushTransport} records it; obtain them with
 * {@link PushPromiseMatchers#earlyHints()}. A {@code 103} carries the resources that could
 * not be pushed, for navigations only.
 *
 * @since 0.1.0
 */
public final class EarlyHintsResultMatchers {

	EarlyHintsResultMatchers() {
	}

	/**
	 * Asserts that the {@code 103} named exactly these paths, in order.
	 * @param paths the expected paths
	 * @return the matcher
	 */
	public ResultMatcher paths(String... paths) {
		return (result) -> {
			List<String> expected = Arrays.asList(paths);
			List<String> found = paths(result);
			if (!found.equals(expected)) {
				fail("Expected a 103 Early Hints for " + expected, result);
			}
		};
	}

	/**
	 * Asserts that the {@code 103} carried this {@code Link} header value.
	 * @param value the expected value, such as {@code </css/site.css>; rel=preload; as=style}
	 * @return the matcher
	 */
	public ResultMatcher link(String value) {
		return (result) -> {
			if (!PushPromises.earlyHints(result).contains(value)) {
				fail("Expected a 103 Early Hints with Link: " + value, result);
			}
		};
	}

	/**
	 * Asserts that no {@code 103} was sent.
	 * @return the matcher
	 */
	public ResultMatcher none() {
		return (result) -> {
			if (!PushPromises.earlyHints(result).isEmpty()) {
				fail("Expected no 103 Early Hints", result);
			}
		};
	}

	private static List<String> paths(MvcResult result) {
		return PushPromises.earlyHints(result)
			.stream()
			.flatMap((value) -> LinkHeader.parse(value).stream())
			.map(LinkHeader.Link::target)
			.toList();
	}

	private static void fail(String expectation, MvcResult result) {
		List<String> links = PushPromises.earlyHints(result);
		String found = " got a 103 Early Hints with " + links;
		if (links.isEmpty()) {
			found = " got no 103 Early Hints" + (PushPromises.results(result).isEmpty()
					? PushPromiseResultMatchers.whyNothingWasAttempted(result) : "");
		}
		throw new AssertionError("\n" + expectation + "\nbut the request to " + result.getRequest().getRequestURI()
				+ found);
	}

}
