package io.github.h2push.engine;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * The {@code Link} header values h2-push adds to a response as hints, kept on the
 * request, so that whatever watches the response's headers (such as the
 * {@code ResponseHintsFilter}) tells them apart from the application's own.
 *
 * @since 0.1.0
 */
public final class OwnLinkHeaders {

	private OwnLinkHeaders() {
	}

	/**
	 * Adds hints to the response, in order, and remembers them as h2-push's own.
	 * @param request the request
	 * @param response the response
	 * @param values the {@code Link} header values
	 */
	public static void add(HttpServletRequest request, HttpServletResponse response, List<String> values) {
		remember(request, new ArrayList<>(values));
		addHeaders(response, values);
	}

	/**
	 * Adds hints as {@link #add} does, keeping the given list as the request's record
	 * when it is the first: the caller hands it over and changes it no more.
	 */
	static void addHandedOver(HttpServletRequest request, HttpServletResponse response, List<String> values) {
		remember(request, values);
		addHeaders(response, values);
	}

	// a list once kept is never changed: the channel of a 103 may have been given it
	private static void remember(HttpServletRequest request, List<String> values) {
		RequestState state = RequestState.create(request);
		if (state.ownLinks == null) {
			state.ownLinks = values;
			return;
		}
		List<String> links = new ArrayList<>(state.ownLinks.size() + values.size());
		links.addAll(state.ownLinks);
		links.addAll(values);
		state.ownLinks = links;
	}

	private static void addHeaders(HttpServletResponse response, List<String> values) {
		for (String value : values) {
			response.addHeader(HttpHeaders.LINK, value);
		}
	}

	/**
	 * The hints h2-push added to the response of a request, in order.
	 * @param request the request
	 * @return the values, empty when none
	 */
	public static List<String> of(HttpServletRequest request) {
		List<String> links = ownLinks(request);
		return (links != null) ? List.copyOf(links) : List.of();
	}

	/**
	 * Whether h2-push added this {@code Link} header value.
	 * @param request the request
	 * @param value the value
	 * @return {@code true} for one of h2-push's own hints
	 */
	public static boolean isOwn(HttpServletRequest request, String value) {
		List<String> links = ownLinks(request);
		return links != null && links.contains(value);
	}

	/**
	 * Forgets the hints of a response that was reset.
	 * @param request the request
	 */
	public static void forget(HttpServletRequest request) {
		RequestState state = RequestState.of(request);
		if (state != null) {
			state.ownLinks = null;
		}
	}

	@Nullable
	private static List<String> ownLinks(HttpServletRequest request) {
		RequestState state = RequestState.of(request);
		return (state != null) ? state.ownLinks : null;
	}

}
