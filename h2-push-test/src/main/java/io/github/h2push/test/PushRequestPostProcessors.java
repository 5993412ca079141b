package io.github.h2push.test;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@link RequestPostProcessor}s that make a MockMvc request look like one from a
 * particular HTTP/2 client, in the style of Spring Security's
 * {@code SecurityMockMvcRequestPostProcessors}:
 *
 * <pre class="code">
 * mockMvc.perform(get("/").with(pushRefused()))
 *     .andExpect(pushPromises().none())
 *     .andExpect(pushPromises().hinted("/css/site.css"));
 * </pre>
 *
 * @since 0.1.0
 */
public final class PushRequestPostProcessors {

	private PushRequestPostProcessors() {
	}

	/**
	 * A request from a client that refused push (SETTINGS_ENABLE_PUSH=0), as every
	 * browser does: declared resources are hinted instead of pushed.
	 * @return the post-processor
	 */
	public static RequestPostProcessor pushRefused() {
		return (request) -> {
			request.setAttribute(MockPushTransport.REFUSED_ATTRIBUTE, Boolean.TRUE);
			return request;
		};
	}

}
