package io.github.h2push.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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
 * @param as the preload destination ({@code style}, {@code script}, …); {@code fetch}
 * when it is not known, since browsers ignore a preload without one
 * @param fetchPriority the fetch priority, empty for none
 * @param crossOrigin the CORS mode a page fetches it in, {@code anonymous} or
 * {@code use-credentials}, empty when the page did not say (fonts and fetches are
 * fetched in CORS mode all the same)
 * @param integrity the subresource integrity metadata a page gave a script or
 * stylesheet, empty for none
 * @since 0.1.0
 */
public record PreloadLink(String path, String as, String fetchPriority, String crossOrigin, String integrity) {

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
	 * The CORS modes h2-push writes.
	 */
	public static final Set<String> CORS_MODES = Set.of("anonymous", "use-credentials");

	// SRI metadata: hash expressions, base64 or base64url, without options, separated by one space (it
	// goes into a header)
	private static final Pattern INTEGRITY = Pattern
		.compile("(?:sha256|sha384|sha512)-[A-Za-z0-9+/_-]+={0,2}(?: (?:sha256|sha384|sha512)-[A-Za-z0-9+/_-]+={0,2})*");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	// the most header values kept
	private static final int MAX_HEADER_VALUES = 256;

	// the header values of the first links hinted: a route hints the same few on every
	// request, and a link is immutable; once full, further values are built each time
	private static final Map<PreloadLink, String> headerValues = new ConcurrentHashMap<>();

	// the most characters of integrity metadata kept: three SHA-512 hashes
	private static final int MAX_INTEGRITY = 300;

	/**
	 * Creates a link, checking its attributes.
	 * @param path the path on this origin
	 * @param as the preload destination, one of {@link #DESTINATIONS}, or empty for
	 * {@code fetch}
	 * @param fetchPriority the fetch priority, one of {@link #FETCH_PRIORITIES}, or
	 * empty
	 * @param crossOrigin the CORS mode, one of {@link #CORS_MODES}, or empty
	 * @param integrity subresource integrity metadata for a script or stylesheet, or
	 * empty
	 * @throws IllegalArgumentException if an attribute is not one h2-push writes
	 */
	public PreloadLink {
		String destination = as;
		Assert.isTrue(destination.isEmpty() || DESTINATIONS.contains(destination),
				() -> "'" + destination + "' is not a preload destination");
		// a preload without a destination is one browsers refuse: fetch is what a resource of unknown type,
		// an API path without an extension above all, is fetched as
		as = destination.isEmpty() ? "fetch" : destination;
		Assert.isTrue(fetchPriority.isEmpty() || FETCH_PRIORITIES.contains(fetchPriority),
				() -> "'" + fetchPriority + "' is not a fetch priority");
		Assert.isTrue(crossOrigin.isEmpty() || CORS_MODES.contains(crossOrigin),
				() -> "'" + crossOrigin + "' is not a CORS mode");
		Assert.isTrue(integrity.isEmpty() || (isIntegrityFor(as) && isIntegrity(integrity)),
				() -> "'" + integrity + "' is not the integrity metadata of a script or stylesheet");
	}

	/**
	 * Creates a link without a CORS mode or integrity, checking its attributes.
	 * @param path the path on this origin
	 * @param as the preload destination, one of {@link #DESTINATIONS}, or empty for
	 * {@code fetch}
	 * @param fetchPriority the fetch priority, one of {@link #FETCH_PRIORITIES}, or
	 * empty
	 * @throws IllegalArgumentException if an attribute is not one h2-push writes
	 */
	public PreloadLink(String path, String as, String fetchPriority) {
		this(path, as, fetchPriority, "", "");
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
		return found(path, as, fetchPriority, null, null);
	}

	/**
	 * Creates a link from attributes found in a response, with the CORS mode and
	 * integrity the page fetches it with, so that the browser uses what the hint
	 * started instead of fetching it again: a {@code crossorigin} attribute present with
	 * any value but {@code use-credentials} is {@code anonymous}, as in HTML; integrity
	 * metadata is kept for a script or stylesheet when it is well-formed.
	 * @param path the path
	 * @param as the destination as found, or {@code null}
	 * @param fetchPriority the fetch priority as found, or {@code null}
	 * @param crossOrigin the {@code crossorigin} attribute as found, empty when it has
	 * no value, {@code null} when absent
	 * @param integrity the {@code integrity} attribute as found, or {@code null}
	 * @return the link
	 */
	public static PreloadLink found(String path, @Nullable String as, @Nullable String fetchPriority,
			@Nullable String crossOrigin, @Nullable String integrity) {
		String destination = (as != null) ? as.trim().toLowerCase(Locale.ROOT) : "";
		String priority = (fetchPriority != null) ? fetchPriority.trim().toLowerCase(Locale.ROOT) : "";
		String mode = "";
		if (crossOrigin != null) {
			mode = crossOrigin.trim().equalsIgnoreCase("use-credentials") ? "use-credentials" : "anonymous";
		}
		String resolvedAs = DESTINATIONS.contains(destination) ? destination : inferAs(path);
		String metadata = (integrity != null) ? WHITESPACE.matcher(integrity.trim()).replaceAll(" ") : "";
		if (!isIntegrityFor(resolvedAs) || !isIntegrity(metadata)) {
			metadata = "";
		}
		return new PreloadLink(path, resolvedAs, FETCH_PRIORITIES.contains(priority) ? priority : "", mode, metadata);
	}

	/**
	 * This link for another path, such as the versioned URL of its path.
	 * @param path the path
	 * @return the link
	 */
	public PreloadLink withPath(String path) {
		return new PreloadLink(path, this.as, this.fetchPriority, this.crossOrigin, this.integrity);
	}

	// browsers check the integrity of a preload for these destinations only
	private static boolean isIntegrityFor(String as) {
		return as.equals("script") || as.equals("style");
	}

	private static boolean isIntegrity(String metadata) {
		return metadata.length() <= MAX_INTEGRITY && INTEGRITY.matcher(metadata).matches();
	}

	/**
	 * The preload destination for a path, from its media type: {@code style},
	 * {@code script}, {@code image}, {@code font}, otherwise {@code fetch} (JSON, and
	 * any path whose type is not known, such as an API path without an extension).
	 * @param path the path, possibly with a query
	 * @return the destination, never empty
	 */
	public static String inferAs(String path) {
		int end = path.length();
		int query = path.indexOf('?');
		if (query >= 0) {
			end = query;
		}
		Optional<MediaType> mediaType = MediaTypeFactory.getMediaType(path.substring(0, end));
		if (mediaType.isEmpty()) {
			return "fetch";
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
		return "fetch";
	}

	/**
	 * The value of the {@code Link} header for this resource. A browser uses a preload
	 * only for a fetch in the same CORS mode and with the same integrity, and fetches
	 * the resource again otherwise: the link says the page's CORS mode and integrity,
	 * and fonts and fetches, which browsers always fetch in CORS mode, get
	 * {@code crossorigin} whatever the page said.
	 * @return the header value
	 */
	public String headerValue() {
		String value = headerValues.get(this);
		if (value == null) {
			value = buildHeaderValue();
			if (headerValues.size() < MAX_HEADER_VALUES) {
				headerValues.putIfAbsent(this, value);
			}
		}
		return value;
	}

	// the path's alone: a path is rarely hinted with different attributes, and the header
	// value lookup then reads one string, not five
	@Override
	public int hashCode() {
		return this.path.hashCode();
	}

	private String buildHeaderValue() {
		String crossOrigin = "";
		if (this.crossOrigin.equals("use-credentials")) {
			crossOrigin = "; crossorigin=use-credentials";
		}
		else if (!this.crossOrigin.isEmpty() || this.as.equals("font") || this.as.equals("fetch")) {
			crossOrigin = "; crossorigin";
		}
		String integrity = this.integrity.isEmpty() ? "" : "; integrity=\"" + this.integrity + '"';
		String fetchPriority = this.fetchPriority.isEmpty() ? "" : "; fetchpriority=" + this.fetchPriority;
		return "<" + this.path + ">; rel=preload; as=" + this.as + crossOrigin + integrity + fetchPriority;
	}

}
