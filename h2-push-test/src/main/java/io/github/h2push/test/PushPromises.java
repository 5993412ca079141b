package io.github.h2push.test;

import java.util.List;

import io.github.h2push.PushPromise;
import io.github.h2push.PushPromiseService;
import io.github.h2push.PushResult;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The push promises a MockMvc request made, for free-form assertions:
 * {@code assertThat(PushPromises.of(result)).extracting(PushPromise::path)…}.
 *
 * @since 0.1.0
 */
public final class PushPromises {

	private PushPromises() {
	}

	/**
	 * The promises pushed for a request, in the order pushed.
	 * @param result the MockMvc result
	 * @return the promises
	 */
	public static List<PushPromise> of(MvcResult result) {
		return results(result).stream().filter(PushResult::isPushed).map(PushResult::promise).toList();
	}

	/**
	 * The promises pushed for a request made with {@code MockMvcTester}.
	 * @param result the result
	 * @return the promises
	 */
	public static List<PushPromise> of(MvcTestResult result) {
		return of(result.getMvcResult());
	}

	/**
	 * The {@code Link} values of the {@code 103 Early Hints} response the request got
	 * before its final response, recorded by the {@link MockPushTransport}.
	 * @param result the MockMvc result
	 * @return the values, empty when no {@code 103} was sent
	 */
	@SuppressWarnings("unchecked")
	public static List<String> earlyHints(MvcResult result) {
		Object links = result.getRequest().getAttribute(MockPushTransport.EARLY_HINTS_ATTRIBUTE);
		return (links != null) ? (List<String>) links : List.of();
	}

	/**
	 * Everything attempted for a request: pushed, hinted, skipped and rejected.
	 * @param result the MockMvc result
	 * @return the results, in order
	 */
	public static List<PushResult> results(MvcResult result) {
		return PushPromiseService.results(result.getRequest());
	}

}
