package io.github.h2push.engine;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * A resource to push or hint: its path and the attributes of the
 * {@code Link: <path>; rel=preload} header sent when it cannot be pushed.
 *
 * @param path the path on this origin
 * @param as the preload destination ({@code style}, {@code script}, …), empty if unknown
 * @param fetchPriority the fetch priority, empty for none
 * @since 0.1.0
 */
public record PreloadLink(String path, String as, String fetchPriority) {

	/**
	 * The preload destinations ({@code as} values) h2-push writes.
	 */
	public static final Set<String> DESTINATIONS = Set.of("audio", "document", "embed", "fetch", "font", "image",
			"object", "script", "style", "track", "video", "worker");

	/**
	 * The fetch priorities h2-push writes.
	 */
	public static final Set<String> FETCH_PRIORITIES = Set.of("high", "low", "auto");

	/**
	 * Creates a link, checking its attributes.
	 * @param path the path on this origin
	 * @param as the preload destination, one of {@link #DESTINATIONS}, or empty
	 * @param fetchPriority the fetch priority, one of {@link #FETCH_PRIORITIES}, or
	 * empty
	 * @throws IllegalArgumentException if an attribute is not one h2-push writes
	 */
	public PreloadLink {
		Assert.isTrue(as.isEmpty() || DESTINATIONS.contains(as), () -> "'" + as + "' is not a preload destination");
		Assert.isTrue(fetchPriority.isEmpty() || FETCH_PRIORITIES.contains(fetchPriority),
				() -> "'" + fetchPriority + "' is not a fetch priority");
	}

	/**
	 * Creates a link whose destination is inferred from the path's media type.
	 * @param path the path
	 * @return the link
	 */
	public static PreloadLink of(String path) {
		return new PreloadLink(path, inferAs(path), "");
	}

	/**
	 * Creates a link with an explicit destination and priority, each inferred or left
	 * out when empty.
	 * @param path the path
	 * @param as the destination, or empty to infer it
	 * @param fetchPriority the fetch priority, or empty for none
	 * @return the link
	 * @throws IllegalArgumentException if an attribute is not one h2-push writes
	 */
	public static PreloadLink of(String path, String as, String fetchPriority) {
		return new PreloadLink(path, StringUtils.hasText(as) ? as.trim() : inferAs(path),
				(fetchPriority != null) ? fetchPriority.trim() : "");
	}

	/**
	 * Creates a link from attributes found in a response (a {@code Link} header, a
	 * document's head): a destination or priority h2-push does not write is left out,
	 * the destination then inferred from the path.
	 * @param path the path
	 * @param as the destination as found, or {@code null}
	 * @param fetchPriority the fetch priority as found, or {@code null}
	 * @return the link
	 */
	public static PreloadLink found(String path, @Nullable String as, @Nullable String fetchPriority) {
		String destination = (as != null) ? as.trim().toLowerCase(Locale.ROOT) : "";
		String priority = (fetchPriority != null) ? fetchPriority.trim().toLowerCase(Locale.ROOT) : "";
		return new PreloadLink(path, DESTINATIONS.contains(destination) ? destination : inferAs(path),
				FETCH_PRIORITIES.contains(priority) ? priority : "");
	}

	/**
	 * The preload destination for a path, from its media type: {@code style},
	 * {@code script}, {@code image}, {@code font}, {@code fetch} for JSON, otherwise
	 * empty.
	 * @param path the path, possibly with a query
	 * @return the destination, or empty
	 */
	public static String inferAs(String path) {
		int end = path.length();
		int query = path.indexOf('?');
		if (query >= 0) {
			end = query;
		}
		Optional<MediaType> mediaType = MediaTypeFactory.getMediaType(path.substring(0, end));
		if (mediaType.isEmpty()) {
			return "";
		}
		MediaType type = mediaType.get();
		String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
		if (type.isCompatibleWith(MediaType.valueOf("text/css"))) {
			return "style";
		}
		if (subtype.contains("javascript") || subtype.equals("ecmascript")) {
			return "script";
		}
		if (type.getType().equals("image")) {
			return "image";
		}
		if (type.getType().equals("font") || subtype.startsWith("font-") || subtype.startsWith("x-font")) {
			return "font";
		}
		if (subtype.equals("json") || subtype.endsWith("+json")) {
			return "fetch";
		}
		return "";
	}

	/**
	 * The value of the {@code Link} header for this resource. Fonts and fetches get
	 * {@code crossorigin}, because browsers fetch them in CORS mode and would not
	 * match a preload without it.
	 * @return the header value
	 */
	public String headerValue() {
		StringBuilder value = new StringBuilder(this.path.length() + 40);
		value.append('<').append(this.path).append(">; rel=preload");
		if (!this.as.isEmpty()) {
			value.append("; as=").append(this.as);
			if (this.as.equals("font") || this.as.equals("fetch")) {
				value.append("; crossorigin");
			}
		}
		if (!this.fetchPriority.isEmpty()) {
			value.append("; fetchpriority=").append(this.fetchPriority);
		}
		return value.toString();
	}

}
