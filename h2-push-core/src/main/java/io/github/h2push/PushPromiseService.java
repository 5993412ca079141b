package io.github.h2push;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.lang.Nullable;

/**
 * Pushes resources for a request: Spring's counterpart to Quart's
 * {@code make_push_promise}. Inject it and call {@link #push(String)} from a handler
 * method; {@link PushResources} declarations and {@code h2-push.routes} go through the
 * same service.
 * <p>
 * Each push is validated, resolved to its versioned URL when resource versioning is
 * configured, checked against the {@link PushAccessPolicy access policies}, and becomes
 * a {@link PushPromise} carrying the allowlisted headers of the triggering request. A
 * resource already pushed on the connection is not pushed again. When push is
 * impossible (HTTP/1.1, a client that refused push, a server that cannot push, a limit
 * reached) the resource is hinted with a {@code Link: rel=preload} header instead. A
 * call never throws because a push failed: the {@link PushResult} says what happened
 * and, when nothing was pushed, its {@link PushReason}.
 * <p>
 * Every outcome is recorded on the request (read it with {@link #results}) and passed
 * to the {@link PushListener listeners}.
 *
 * @since 0.1.0
 */
public interface PushPromiseService {

	/**
	 * The request attribute holding the {@code List<PushResult>} of a request, read-only:
	 * read it with {@link #results(ServletRequest)}.
	 */
	String RESULTS_ATTRIBUTE = PushPromiseService.class.getName() + ".results";

	/**
	 * Pushes a resource for the current request.
	 * @param path the path in this application, such as {@code /css/site.css}
	 * @return what happened
	 * @throws IllegalStateException if there is no current servlet request
	 */
	PushResult push(String path);

	/**
	 * Pushes a resource for the current request, saying what the page fetches it as,
	 * for a resource whose path does not tell (such as an API path without an
	 * extension): the destination goes into the preload hint when the resource is
	 * hinted rather than pushed.
	 * @param path the path in this application, such as {@code /api/orders}
	 * @param as the preload destination: {@code audio}, {@code document}, {@code embed},
	 * {@code fetch}, {@code font}, {@code image}, {@code object}, {@code script},
	 * {@code style}, {@code track}, {@code video} or {@code worker}
	 * @return what happened
	 * @throws IllegalArgumentException if {@code as} is not a preload destination
	 * @throws IllegalStateException if there is no current servlet request
	 * @since 0.1.0
	 */
	PushResult push(String path, String as);

	/**
	 * Pushes a resource for the given request. A preload hint, when needed, goes to the
	 * current response.
	 * @param request the triggering request
	 * @param path the path in this application
	 * @return what happened
	 */
	PushResult push(HttpServletRequest request, String path);

	/**
	 * Pushes a resource for the given request and response.
	 * @param request the triggering request
	 * @param response the response that receives a preload hint if one is needed
	 * @param path the path in this application
	 * @return what happened
	 */
	PushResult push(HttpServletRequest request, @Nullable HttpServletResponse response, String path);

	/**
	 * Pushes a resource for the given request and response, saying what the page
	 * fetches it as.
	 * @param request the triggering request
	 * @param response the response that receives a preload hint if one is needed
	 * @param path the path in this application
	 * @param as the preload destination, as for {@link #push(String, String)}
	 * @return what happened
	 * @throws IllegalArgumentException if {@code as} is not a preload destination
	 * @since 0.1.0
	 */
	PushResult push(HttpServletRequest request, @Nullable HttpServletResponse response, String path, String as);

	/**
	 * The results recorded on a request, in the order the pushes were attempted.
	 * @param request the request
	 * @return the results, empty when nothing was attempted
	 */
	@SuppressWarnings("unchecked")
	static List<PushResult> results(ServletRequest request) {
		Object results = request.getAttribute(RESULTS_ATTRIBUTE);
		return (results != null) ? Collections.unmodifiableList((List<PushResult>) results) : List.of();
	}

}
