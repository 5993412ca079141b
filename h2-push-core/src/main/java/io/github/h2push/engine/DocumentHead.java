package io.github.h2push.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.lang.Nullable;

/**
 * The resources an HTML document's {@code <head>} needs before the page can render:
 * stylesheets ({@code <link rel=stylesheet>}), scripts ({@code <script src>}, except
 * {@code async} ones and modules, which do not hold up parsing, and {@code nomodule}
 * ones, which browsers that run modules skip), its preload links, and the fonts that
 * inline {@code <style>} blocks load with {@code url(…)}; a stylesheet or preload whose
 * {@code media} is other than {@code all} or {@code screen} is left out, since it holds up
 * only the devices it matches. Also the {@code <base href>} the document's relative URLs
 * resolve against. Reads only what it is given (the start of a response) and only up to
 * {@code </head>} or {@code <body>}; comments are skipped. A lexical scan, not an HTML
 * parser: it errs towards finding less.
 *
 * @since 0.1.0
 */
public final class DocumentHead {

	private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);

	private static final Pattern TAG = Pattern.compile(
			"<(link|script|style|template|noscript|title|textarea|base)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern
		.compile("([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");

	private static final Map<String, Pattern> ELEMENT_ENDS = Stream
		.of("script", "style", "template", "noscript", "title", "textarea")
		.collect(Collectors.toUnmodifiableMap((name) -> name,
				(name) -> Pattern.compile("</" + name + "\\s*>", Pattern.CASE_INSENSITIVE)));

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern HEAD_END = Pattern.compile("</head\\s*>|<body\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern FONT_URL = Pattern
		.compile("url\\(\\s*[\"']?([^\"')\\s]+\\.(?:woff2|woff|ttf|otf)(?:\\?[^\"')\\s]*)?)[\"']?\\s*\\)",
				Pattern.CASE_INSENSITIVE);

	// the media every screen matches: a resource for these holds up rendering everywhere
	private static final List<String> ALL_MEDIA = List.of("", "all", "screen");

	@Nullable
	private final String base;

	private final List<Resource> resources;

	private DocumentHead(@Nullable String base, List<Resource> resources) {
		this.base = base;
		this.resources = resources;
	}

	/**
	 * Reads the head of a document.
	 * @param html the start of the document
	 * @return what its head says
	 */
	public static DocumentHead read(CharSequence html) {
		String text = COMMENT.matcher(html).replaceAll("");
		Matcher end = HEAD_END.matcher(text);
		if (end.find()) {
			text = text.substring(0, end.start());
		}
		String base = null;
		Map<String, Resource> found = new LinkedHashMap<>();
		Matcher tag = TAG.matcher(text);
		int from = 0;
		while (from < text.length() && tag.find(from)) {
			String name = tag.group(1).toLowerCase(Locale.ROOT);
			from = tag.end();
			if (name.equals("link")) {
				addLink(found, attributes(tag.group(2)));
				continue;
			}
			if (name.equals("base")) {
				// the first base with an href is the document's
				String href = attributes(tag.group(2)).get("href");
				if (base == null && href != null) {
					base = decode(href);
				}
				continue;
			}
			// the content of these elements is text, not tags: a page's inline script or a
			// title can carry a request's own values, which must not become hints
			int close = elementEnd(text, name, tag.end());
			if (name.equals("script")) {
				addScript(found, attributes(tag.group(2)));
			}
			else if (name.equals("style")) {
				Matcher font = FONT_URL.matcher(text.substring(tag.end(), close));
				while (font.find()) {
					add(found, font.group(1), "font", null, null);
				}
			}
			from = close;
		}
		return new DocumentHead(base, List.copyOf(found.values()));
	}

	/**
	 * Finds the render-blocking resources of a document's head.
	 * @param html the start of the document
	 * @return the resources, in document order, as link targets (as written, entities
	 * {@code &amp;} decoded) with their preload destination
	 */
	public static List<Resource> resources(CharSequence html) {
		return read(html).resources();
	}

	/**
	 * The render-blocking resources of the head.
	 * @return the resources, in document order, each once, as link targets (as written,
	 * entities {@code &amp;} decoded) with their preload destination, CORS mode and
	 * integrity
	 */
	public List<Resource> resources() {
		return this.resources;
	}

	/**
	 * The {@code href} of the document's first {@code <base>} with one.
	 * @return the base URL as written, entities {@code &amp;} decoded, or {@code null}
	 * when the head has none
	 */
	@Nullable
	public String base() {
		return this.base;
	}

	private static int elementEnd(String text, String name, int from) {
		Matcher end = ELEMENT_ENDS.get(name).matcher(text);
		return end.find(from) ? end.end() : text.length();
	}

	private static void addLink(Map<String, Resource> found, Map<String, String> attributes) {
		List<String> rels = List.of(WHITESPACE.split(attributes.getOrDefault("rel", "").toLowerCase(Locale.ROOT).trim()));
		String href = attributes.get("href");
		if (href == null || attributes.containsKey("disabled") || !isForAllMedia(attributes.get("media"))) {
			return;
		}
		if (rels.contains("stylesheet") && !rels.contains("alternate")) {
			add(found, href, "style", attributes.get("crossorigin"), attributes.get("integrity"));
		}
		else if (rels.contains("preload")) {
			String as = attributes.getOrDefault("as", "").toLowerCase(Locale.ROOT).trim();
			add(found, href, as, attributes.get("crossorigin"), attributes.get("integrity"));
		}
	}

	private static void addScript(Map<String, Resource> found, Map<String, String> attributes) {
		String src = attributes.get("src");
		String type = attributes.getOrDefault("type", "").toLowerCase(Locale.ROOT).trim();
		if (src == null || attributes.containsKey("async") || attributes.containsKey("nomodule")
				|| type.equals("module")) {
			return;
		}
		if (type.isEmpty() || type.contains("javascript") || type.contains("ecmascript")) {
			add(found, src, "script", attributes.get("crossorigin"), attributes.get("integrity"));
		}
	}

	/**
	 * Whether a {@code media} attribute or {@code Link} parameter matches every screen.
	 * @param media the media, {@code null} when there is none
	 * @return {@code true} for none, {@code all} and {@code screen}
	 */
	static boolean isForAllMedia(@Nullable String media) {
		return media == null || ALL_MEDIA.contains(media.trim().toLowerCase(Locale.ROOT));
	}

	private static void add(Map<String, Resource> found, String target, String as, @Nullable String crossOrigin,
			@Nullable String integrity) {
		String decoded = decode(target).trim();
		if (!decoded.isEmpty()) {
			String mode = (crossOrigin == null) ? ""
					: crossOrigin.trim().equalsIgnoreCase("use-credentials") ? "use-credentials" : "anonymous";
			found.putIfAbsent(decoded, new Resource(decoded, as, mode, (integrity != null) ? integrity.trim() : ""));
		}
	}

	private static String decode(String value) {
		return value.replace("&amp;", "&");
	}

	private static Map<String, String> attributes(String text) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Matcher attribute = ATTRIBUTE.matcher(text);
		while (attribute.find()) {
			String value = (attribute.group(2) != null) ? attribute.group(2)
					: (attribute.group(3) != null) ? attribute.group(3)
							: (attribute.group(4) != null) ? attribute.group(4) : "";
			attributes.putIfAbsent(attribute.group(1).toLowerCase(Locale.ROOT), value);
		}
		return attributes;
	}

	/**
	 * A resource of a document's head.
	 *
	 * @param target the URL as the document writes it
	 * @param as the preload destination, empty when unknown
	 * @param crossOrigin the CORS mode the document fetches it in, {@code anonymous} or
	 * {@code use-credentials}, empty when it does not say
	 * @param integrity the integrity metadata the document gives it, as written, empty
	 * for none
	 */
	public record Resource(String target, String as, String crossOrigin, String integrity) {

		/**
		 * A resource the document gives no CORS mode or integrity.
		 * @param target the URL as the document writes it
		 * @param as the preload destination, empty when unknown
		 */
		public Resource(String target, String as) {
			this(target, as, "", "");
		}

	}

}
