package io.github.h2push.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;

import org.springframework.lang.Nullable;
import org.springframework.web.servlet.resource.CachingResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Maps a declared path to its versioned URL through Spring's
 * {@link ResourceUrlProvider}, so that the pushed or hinted URL is the one the page
 * references (for example {@code /css/site-6f1a2b.css} for {@code /css/site.css}).
 * Does nothing unless a resource handler has a {@link VersionResourceResolver}
 * ({@code spring.web.resources.chain.strategy.*} in Spring Boot), so unversioned
 * applications pay no lookup. When the resource chain is cached, as by default, each
 * path is looked up once (at most {@value #MAX_CACHED} paths), including paths that
 * have no versioned form, which Spring's cache does not keep.
 *
 * @since 0.1.0
 */
public class VersionedResourceUrls implements BiFunction<HttpServletRequest, String, String> {

	/**
	 * The most lookups remembered; a page declares a handful.
	 */
	static final int MAX_CACHED = 256;

	private final Supplier<ResourceUrlProvider> urlProvider;

	private final Map<String, String> cache = new ConcurrentHashMap<>();

	@Nullable
	private volatile Boolean versioned;

	private volatile boolean cached;

	/**
	 * Creates the mapping.
	 * @param urlProvider supplies the application's provider, or {@code null} when it
	 * has none
	 */
	public VersionedResourceUrls(Supplier<ResourceUrlProvider> urlProvider) {
		this.urlProvider = urlProvider;
	}

	/**
	 * The versioned form of a path within the application.
	 * @param request the request (unused: a lookup depends on the path alone)
	 * @param path the path within the application, as declared, possibly with a query
	 * @return the versioned path within the application, or the path itself
	 */
	@Override
	public String apply(HttpServletRequest request, String path) {
		ResourceUrlProvider provider = this.urlProvider.get();
		if (provider == null || !isVersioned(provider)) {
			return path;
		}
		if (!this.cached) {
			return lookUp(provider, path);
		}
		// a path with no versioned form (a controller's URL, a missing file) is looked for in
		// every static location on each call, and Spring's own cache keeps only the ones found
		String resolved = this.cache.get(path);
		if (resolved == null) {
			resolved = lookUp(provider, path);
			if (this.cache.size() >= MAX_CACHED) {
				// paths from Link headers can be many; start again rather than stop caching
				this.cache.clear();
			}
			this.cache.put(path, resolved);
		}
		return resolved;
	}

	// by the path within the application: the request's own URL does not change the answer
	private static String lookUp(ResourceUrlProvider provider, String path) {
		int query = path.indexOf('?');
		String lookupPath = (query >= 0) ? path.substring(0, query) : path;
		String versioned = provider.getForLookupPath(lookupPath);
		return (versioned != null) ? versioned + ((query >= 0) ? path.substring(query) : "") : path;
	}

	// what ResourceUrlProvider puts before the lookup path: the context path, and the servlet
	// path of a dispatcher mapped to a prefix
	static String prefix(HttpServletRequest request) {
		HttpServletMapping mapping = request.getHttpServletMapping();
		boolean prefixMapped = mapping != null && mapping.getMappingMatch() == MappingMatch.PATH;
		return request.getContextPath() + (prefixMapped ? request.getServletPath() : "");
	}

	private boolean isVersioned(ResourceUrlProvider provider) {
		Boolean versioned = this.versioned;
		if (versioned == null) {
			// the provider finds its handlers when the context is refreshed
			if (provider.getHandlerMap().isEmpty()) {
				return false;
			}
			versioned = provider.getHandlerMap()
				.values()
				.stream()
				.map(ResourceHttpRequestHandler::getResourceResolvers)
				.anyMatch((resolvers) -> resolvers.stream().anyMatch(VersionResourceResolver.class::isInstance));
			// remember lookups only when the application caches its resource chain too
			// (spring.web.resources.chain.cache), so that without it changes show at once
			this.cached = provider.getHandlerMap()
				.values()
				.stream()
				.map(ResourceHttpRequestHandler::getResourceResolvers)
				.allMatch((resolvers) -> resolvers.stream().anyMatch(CachingResourceResolver.class::isInstance));
			this.versioned = versioned;
		}
		return versioned;
	}

}
