package io.github.h2push.undertow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;

import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

/**
 * Pushed responses the application marked storable by a shared cache, kept in memory and
 * replayed for later pushes of the same resource without running the application, as a
 * CDN in front of it would serve them. What may be pushed is still decided per request,
 * before the promise; only the pushed response is taken from memory.
 * <p>
 * A response is stored, as RFC 9111 lets a shared cache store it, when it is a complete
 * {@code 200} to a {@code GET} whose {@code Cache-Control} gives it a freshness lifetime
 * ({@code s-maxage}, else {@code max-age}) and says neither {@code no-store},
 * {@code no-cache} nor {@code private}, that sets no cookie, and whose {@code Vary} names
 * request headers (not {@code *}): each combination of their values is a variant of its
 * own. It is replayed, with an {@code Age} header, while fresh. Bounded by a total size
 * and a size per response, the least recently used going first.
 *
 * @since 0.1.0
 */
public class PushedResponseCache {

	private static final int MAX_VARIANTS = 4;

	private final long maxSize;

	private final int maxEntrySize;

	private final Clock clock;

	// by path and query, least recently used first
	private final LinkedHashMap<String, List<Stored>> entries = new LinkedHashMap<>(16, 0.75f, true);

	private long size;

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private final LongAdder stores = new LongAdder();

	/**
	 * Creates a cache.
	 * @param maxSize the most bytes of bodies and headers kept in all
	 * @param maxEntrySize the largest response body kept
	 */
	public PushedResponseCache(long maxSize, int maxEntrySize) {
		this(maxSize, maxEntrySize, Clock.systemUTC());
	}

	PushedResponseCache(long maxSize, int maxEntrySize, Clock clock) {
		Assert.isTrue(maxSize >= 0, "'maxSize' must not be negative");
		Assert.isTrue(maxEntrySize >= 0, "'maxEntrySize' must not be negative");
		this.maxSize = maxSize;
		this.maxEntrySize = maxEntrySize;
		this.clock = clock;
	}

	/**
	 * The largest response body kept.
	 * @return the size in bytes
	 */
	int getMaxEntrySize() {
		return this.maxEntrySize;
	}

	/**
	 * The fresh response stored for a pushed request, counted as a hit or a miss.
	 * @param target the path and query
	 * @param requestHeaders the pushed request's headers
	 * @return the response, or {@code null}
	 */
	@Nullable
	synchronized Response lookup(String target, HeaderMap requestHeaders) {
		List<Stored> variants = this.entries.get(target);
		if (variants != null) {
			long now = this.clock.millis();
			for (Iterator<Stored> iterator = variants.iterator(); iterator.hasNext();) {
				Stored stored = iterator.next();
				if (now >= stored.expires) {
					iterator.remove();
					this.size -= stored.size;
				}
				else if (stored.variant.equals(variant(stored.vary, requestHeaders))) {
					this.hits.increment();
					return new Response(stored.headers, stored.body,
							TimeUnit.MILLISECONDS.toSeconds(now - stored.stored) + stored.initialAge);
				}
			}
			if (variants.isEmpty()) {
				this.entries.remove(target);
			}
		}
		this.misses.increment();
		return null;
	}

	/**
	 * Stores a complete pushed response if a shared cache may.
	 * @param target the path and query
	 * @param requestHeaders the pushed request's headers
	 * @param status the status
	 * @param responseHeaders the response headers
	 * @param body the whole body
	 * @return {@code true} if it was stored
	 */
	boolean store(String target, HeaderMap requestHeaders, int status, HeaderMap responseHeaders, byte[] body) {
		if (status != 200 || body.length > this.maxEntrySize || responseHeaders.contains(Headers.SET_COOKIE)) {
			return false;
		}
		long lifetime = freshnessLifetime(responseHeaders.get(Headers.CACHE_CONTROL));
		String contentLength = responseHeaders.getFirst(Headers.CONTENT_LENGTH);
		if (lifetime <= 0 || (contentLength != null && !contentLength.equals(Integer.toString(body.length)))) {
			return false;
		}
		List<String> vary = varyNames(responseHeaders.get(Headers.VARY));
		if (vary == null) {
			return false;
		}
		long initialAge = age(responseHeaders.getFirst(Headers.AGE));
		if (initialAge >= lifetime) {
			return false;
		}
		HeaderMap headers = new HeaderMap();
		long headerSize = 0;
		for (HeaderValues values : responseHeaders) {
			// HTTP/2 pseudo-headers (Undertow keeps :status among the response headers) are written anew
			if (!values.getHeaderName().equals(Headers.AGE) && values.getHeaderName().byteAt(0) != ':') {
				headers.putAll(values.getHeaderName(), values);
				headerSize += values.getHeaderName().length() + values.toString().length();
			}
		}
		long now = this.clock.millis();
		Stored stored = new Stored(vary, variant(vary, requestHeaders), headers, body, now,
				now + TimeUnit.SECONDS.toMillis(lifetime - initialAge), initialAge, body.length + headerSize + 64);
		if (stored.size > this.maxSize) {
			return false;
		}
		synchronized (this) {
			List<Stored> variants = this.entries.computeIfAbsent(target, (key) -> new ArrayList<>(1));
			variants.removeIf((old) -> {
				boolean same = old.variant.equals(stored.variant) && old.vary.equals(stored.vary);
				this.size -= same ? old.size : 0;
				return same;
			});
			if (variants.size() >= MAX_VARIANTS) {
				this.size -= variants.remove(0).size;
			}
			variants.add(stored);
			this.size += stored.size;
			evict();
		}
		this.stores.increment();
		return true;
	}

	private void evict() {
		Iterator<List<Stored>> iterator = this.entries.values().iterator();
		while (this.size > this.maxSize && iterator.hasNext()) {
			for (Stored stored : iterator.next()) {
				this.size -= stored.size;
			}
			iterator.remove();
		}
	}

	/**
	 * What the cache holds and how it served, for the Actuator endpoint.
	 * @return the responses, bytes, hits, misses and stores
	 */
	public synchronized Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("responses", this.entries.values().stream().mapToInt(List::size).sum());
		description.put("bytes", this.size);
		description.put("maxBytes", this.maxSize);
		description.put("hits", this.hits.sum());
		description.put("misses", this.misses.sum());
		description.put("stores", this.stores.sum());
		return description;
	}

	/**
	 * Forgets every response.
	 */
	public synchronized void clear() {
		this.entries.clear();
		this.size = 0;
	}

	// seconds; 0 when a shared cache may not store the response without revalidating it
	static long freshnessLifetime(@Nullable HeaderValues cacheControl) {
		if (cacheControl == null) {
			return 0;
		}
		long maxAge = -1;
		long sharedMaxAge = -1;
		for (String value : cacheControl) {
			for (String directive : value.split(",")) {
				String trimmed = directive.trim().toLowerCase(Locale.ROOT);
				int equals = trimmed.indexOf('=');
				String name = (equals < 0) ? trimmed : trimmed.substring(0, equals).trim();
				String argument = (equals < 0) ? "" : unquote(trimmed.substring(equals + 1).trim());
				switch (name) {
					case "no-store", "no-cache", "private", "must-understand" -> {
						return 0;
					}
					case "max-age" -> maxAge = seconds(argument);
					case "s-maxage" -> sharedMaxAge = seconds(argument);
					default -> {
					}
				}
			}
		}
		return Math.max(0, (sharedMaxAge >= 0) ? sharedMaxAge : maxAge);
	}

	private static String unquote(String argument) {
		return (argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\""))
				? argument.substring(1, argument.length() - 1) : argument;
	}

	private static long seconds(String argument) {
		if (argument.isEmpty() || !argument.chars().allMatch(Character::isDigit)) {
			// an invalid lifetime makes the response stale (RFC 9111, section 4.2.1)
			return 0;
		}
		return (argument.length() > 10) ? Integer.MAX_VALUE : Long.parseLong(argument);
	}

	private static long age(@Nullable String age) {
		return (age != null && !age.isEmpty() && age.length() <= 10 && age.chars().allMatch(Character::isDigit))
				? Long.parseLong(age) : 0;
	}

	// lower-cased and sorted; null for Vary: *
	@Nullable
	private static List<String> varyNames(@Nullable HeaderValues vary) {
		List<String> names = new ArrayList<>();
		if (vary != null) {
			for (String value : vary) {
				for (String name : value.split(",")) {
					String trimmed = name.trim().toLowerCase(Locale.ROOT);
					if (trimmed.equals("*")) {
						return null;
					}
					if (!trimmed.isEmpty() && !names.contains(trimmed)) {
						names.add(trimmed);
					}
				}
			}
		}
		names.sort(null);
		return List.copyOf(names);
	}

	private static String variant(List<String> vary, HeaderMap requestHeaders) {
		if (vary.isEmpty()) {
			return "";
		}
		StringBuilder variant = new StringBuilder();
		for (String name : vary) {
			HeaderValues values = requestHeaders.get(name);
			variant.append(name).append('\0').append((values != null) ? String.join("\0", values) : "").append('\n');
		}
		return variant.toString();
	}

	/**
	 * A stored response, as replayed.
	 *
	 * @param headers the response headers, without {@code Age}
	 * @param body the body
	 * @param age its age in seconds
	 */
	record Response(HeaderMap headers, byte[] body, long age) {
	}

	private record Stored(List<String> vary, String variant, HeaderMap headers, byte[] body, long stored,
			long expires, long initialAge, long size) {
	}

}
