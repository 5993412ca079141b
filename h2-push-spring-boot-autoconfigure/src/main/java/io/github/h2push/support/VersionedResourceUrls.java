package io.github.h2push.support;

import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Maps a declared path to its versioned URL through Spring's
 * {@link ResourceUrlProvider}, so that the pushed or hinted URL is the one the page
 * references (for example {@code /css/site-6f1a2b.css} for {@code /css/site.css}).
 * Does nothing unless a resource handler has a {@link VersionResourceResolver}
 * ({@code spring.web.resources.chain.strategy.*} in Spring Boot), so unversioned
 * applications pay no lookup.
 *
 * @since 0.1.0
 */
public class VersionedResourceUrls implements BiFunction<HttpServletRequest, String, String> {

	private final Supplier<ResourceUrlProvider> urlProvider;

	@Nullable
	private volatile Boolean versioned;

	/**
	 * Creates the mapping.
	 * @param urlProvider supplies the application's provider, or {@code null} when it
	 * has none
	 */
	public VersionedResourceUrls(Supplier<ResourceUrlProvider> urlProvider) {
		this.urlProvider = urlProvider;
	}

	@Override
	public String apply(HttpServletRequest request, String path) {
		ResourceUrlProvider provider = this.urlProvider.get();
		if (provider == null || !isVersioned(provider)) {
			return path;
		}
		String versioned = provider.getForRequestUrl(request, path);
		return (versioned != null) ? versioned : path;
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
			this.versioned = versioned;
		}
		return versioned;
	}

}
