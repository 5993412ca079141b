package io.github.h2push.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The resources an HTML document's {@code <head>} needs before the page can render:
 * stylesheets ({@code <link rel=stylesheet>}), scripts ({@code <script src>}, except
 * {@code async} ones and modules, which do not hold up parsing), its preload links, and
 * the fonts that inline {@code <style>} blocks load with {@code url(…)}. Reads only what
 * it is given (the start of a response) and only up to {@code </head>} or
 * {@code <body>}; comments are skipped. A lexical scan, not an HTML parser: it errs
 * towards finding less.
 *
 * @since 0.1.0
 */
public final class DocumentHead {

	private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);

	private static final Pattern TAG = Pattern.compile(
			"<(link|script|style|template|noscript|title|textarea)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

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

	private DocumentHead() {
	}

	/**
	 * Finds the render-blocking resources of a document's head.
	 * @param html the start of the document
	 * @return the resources, in document order, as link targets (as written, entities
	 * {@code &amp;} decoded) with their preload destination
	 */
	public static List<Resource> resources(CharSequence html) {
		String text = COMMENT.matcher(html).replaceAll("");
		Matcher end = HEAD_END.matcher(text);
		if (end.find()) {
			text = text.substring(0, end.start());
		}
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
			// the content of these elements is text, not tags: a page's inline script or a
			// title can carry a request's own values, which must not become hints
			int close = elementEnd(text, name, tag.end());
			if (name.equals("script")) {
				addScript(found, attributes(tag.group(2)));
			}
			else if (name.equals("style")) {
				Matcher font = FONT_URL.matcher(text.substring(tag.end(), close));
				while (font.find()) {
					add(found, font.group(1), "font");
				}
			}
			from = close;
		}
		return new ArrayList<>(found.values());
	}

	private static int elementEnd(String text, String name, int from) {
		Matcher end = ELEMENT_ENDS.get(name).matcher(text);
		return end.find(from) ? end.end() : text.length();
	}

	private static void addLink(Map<String, Resource> found, Map<String, String> attributes) {
		List<String> rels = List.of(WHITESPACE.split(attributes.getOrDefault("rel", "").toLowerCase(Locale.ROOT).trim()));
		String href = attributes.get("href");
		if (href == null || attributes.containsKey("disabled")) {
			return;
		}
		if (rels.contains("stylesheet") && !rels.contains("alternate")) {
			add(found, href, "style");
		}
		else if (rels.contains("preload")) {
			String as = attributes.getOrDefault("as", "").toLowerCase(Locale.ROOT).trim();
			add(found, href, as);
		}
	}

	private static void addScript(Map<String, Resource> found, Map<String, String> attributes) {
		String src = attributes.get("src");
		String type = attributes.getOrDefault("type", "").toLowerCase(Locale.ROOT).trim();
		if (src == null || attributes.containsKey("async") || type.equals("module")) {
			return;
		}
		if (type.isEmpty() || type.contains("javascript") || type.contains("ecmascript")) {
			add(found, src, "script");
		}
	}

	private static void add(Map<String, Resource> found, String target, String as) {
		String decoded = target.trim().replace("&amp;", "&");
		if (!decoded.isEmpty()) {
			found.putIfAbsent(decoded, new Resource(decoded, as));
		}
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
	 */
	public record Resource(String target, String as) {
	}

}
