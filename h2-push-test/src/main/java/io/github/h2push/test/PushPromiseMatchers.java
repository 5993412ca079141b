package io.github.h2push.test;

/**
 * Entry point for MockMvc result matchers on push promises, in the style of
 * {@code MockMvcResultMatchers}:
 *
 * <pre class="code">
 * mockMvc.perform(get("/"))
 *     .andExpect(pushPromises().paths("/css/site.css", "/js/app.js"))
 *     .andExpect(pushPromises().header("/css/site.css", "accept", "text/html"));
 * </pre>
 *
 * The same matchers work with {@code MockMvcTester}:
 * {@code assertThat(mvc.get().uri("/")).matches(pushPromises().count(2))}.
 *
 * @since 0.1.0
 */
public final class PushPromiseMatchers {

	private PushPromiseMatchers() {
	}

	/**
	 * Matchers on the push promises of the request.
	 * @return the matchers
	 */
	public static PushPromiseResultMatchers pushPromises() {
		return new PushPromiseResultMatchers();
	}

	/**
	 * Matchers on the {@code 103 Early Hints} response the request got.
	 * @return the matchers
	 */
	public static EarlyHintsResultMatchers earlyHints() {
		return new EarlyHintsResultMatchers();
	}

}
