package io.github.h2push.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.lang.Nullable;
import org.springframework.util.PathMatcher;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.util.UriUtils;

/**
 * Whether a path is one the application serves as a static resource: a file that one
 * of Spring MVC's resource handlers (those {@link ResourceUrlProvider} knows, such as
 * Spring Boot's {@code /**} on {@code classpath:/static/}) finds in its locations through
 * its resolver chain, versioned URLs included. Each path is looked up once (at most
 * {@value #MAX_CACHED} paths are remembered; the memory starts again when full). Without
 * resource handlers, no path is.
 *
 * @since 0.1.0
 */
public class StaticResources implements BiPredicate<HttpServletRequest, String> {

	/**
	 * The most lookups remembered.
	 */
	static final int MAX_CACHED = 1024;

	private final Supplier<ResourceUrlProvider> urlProvider;

	private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

	/**
	 * Creates the lookup.
	 * @param urlProvider supplies the application's provider, or {@code null} when it
	 * has none
	 */
	public StaticResources(Supplier<ResourceUrlProvider> urlProvider) {
		this.urlProvider = urlProvider;
	}

	/**
	 * Whether the application serves a path as a static resource.
	 * @param request a request of the application, for its context path
	 * @param path the path on the request's origin, without a query
	 * @return {@code true} when a resource handler serves a file for it
	 */
	@Override
	public boolean test(HttpServletRequest request, String path) {
		ResourceUrlProvider provider = this.urlProvider.get();
		// the provider finds its handlers when the context is refreshed: nothing to remember before
		if (provider == null || provider.getHandlerMap().isEmpty()) {
			return false;
		}
		String prefix = VersionedResourceUrls.prefix(request);
		if (!path.startsWith(prefix + "/") || path.endsWith("/")) {
			return false;
		}
		String key = prefix + '\u0000' + path;
		Boolean served = this.cache.get(key);
		if (served == null) {
			served = lookUp(provider, path.substring(prefix.length()));
			if (this.cache.size() >= MAX_CACHED) {
				this.cache.clear();
			}
			this.cache.put(key, served);
		}
		return served;
	}

	/**
	 * The number of lookups remembered.
	 */
	int cached() {
		return this.cache.size();
	}

	// as ResourceUrlProvider finds a handler for a lookup path, but resolving the resource
	private static boolean lookUp(ResourceUrlProvider provider, String lookupPath) {
		PathMatcher matcher = provider.getPathMatcher();
		List<String> patterns = new ArrayList<>();
		for (String pattern : provider.getHandlerMap().keySet()) {
			if (matcher.match(pattern, lookupPath)) {
				patterns.add(pattern);
			}
		}
		Comparator<String> specificFirst = matcher.getPatternComparator(lookupPath);
		patterns.sort(specificFirst);
		for (String pattern : patterns) {
			String pathWithinMapping = decode(matcher.extractPathWithinPattern(pattern, lookupPath));
			ResourceHttpRequestHandler handler = provider.getHandlerMap().get(pattern);
			if (pathWithinMapping == null || pathWithinMapping.isEmpty()) {
				continue;
			}
			Resource resource = new Chain(handler.getResourceResolvers(), 0).resolveResource(null, pathWithinMapping,
					handler.getLocations());
			if (resource != null && resource.isReadable()) {
				return true;
			}
		}
		return false;
	}

	@Nullable
	private static String decode(String path) {
		try {
			return UriUtils.decode(path, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	// the chain of a handler's resolvers, without a request: a lookup is the same for everyone
	private record Chain(List<ResourceResolver> resolvers, int index) implements ResourceResolverChain {

		@Override
		@Nullable
		public Resource resolveResource(@Nullable HttpServletRequest request, String requestPath,
				List<? extends Resource> locations) {
			return (this.index < this.resolvers.size()) ? this.resolvers.get(this.index)
				.resolveResource(request, requestPath, locations, new Chain(this.resolvers, this.index + 1)) : null;
		}

		@Override
		@Nullable
		public String resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
			return (this.index < this.resolvers.size()) ? this.resolvers.get(this.index)
				.resolveUrlPath(resourcePath, locations, new Chain(this.resolvers, this.index + 1)) : null;
		}

	}

}
