package io.github.h2push.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.core.io.Resource;
import org.springframework.lang.Nullable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.CachingResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VersionedResourceUrls}.
 */
class VersionedResourceUrlsTests {

	private final CountingResolver counting = new CountingResolver();

	private final ResourceUrlProvider provider = new ResourceUrlProvider();

	@Test
	void looksEachPathUpOnceWhenTheResourceChainIsCached() {
		this.provider.setHandlerMap(Map.of("/**", handler(true)));
		VersionedResourceUrls urls = new VersionedResourceUrls(() -> this.provider);
		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/");
		for (int i = 0; i < 3; i++) {
			assertThat(urls.apply(page, "/css/site.css")).isEqualTo("/css/site-v1.css");
			assertThat(urls.apply(page, "/account/avatar.svg")).isEqualTo("/account/avatar.svg");
		}
		// Spring's cache keeps /css/site.css; without h2-push's, the avatar would be looked up three times
		assertThat(this.counting.lookups).containsExactly("/css/site.css", "/account/avatar.svg");
	}

	@Test
	void looksUpEveryTimeWhenTheResourceChainIsNotCached() {
		this.provider.setHandlerMap(Map.of("/**", handler(false)));
		VersionedResourceUrls urls = new VersionedResourceUrls(() -> this.provider);
		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/");
		urls.apply(page, "/account/avatar.svg");
		urls.apply(page, "/account/avatar.svg");
		assertThat(this.counting.lookups).hasSize(2);
	}

	@Test
	void looksUpAPathWithinTheApplicationOnceWhateverPageAsks() {
		this.provider.setHandlerMap(Map.of("/**", handler(true)));
		VersionedResourceUrls urls = new VersionedResourceUrls(() -> this.provider);
		MockHttpServletRequest home = new MockHttpServletRequest("GET", "/app/");
		home.setContextPath("/app");
		MockHttpServletRequest nested = new MockHttpServletRequest("GET", "/app/docs/docs");
		nested.setContextPath("/app");
		String fromRoot = urls.apply(new MockHttpServletRequest("GET", "/"), "/account/avatar.svg");
		assertThat(urls.apply(home, "/account/avatar.svg")).isEqualTo(fromRoot);
		assertThat(urls.apply(nested, "/account/avatar.svg")).isEqualTo(fromRoot);
		assertThat(this.counting.lookups).hasSize(1);
	}

	private ResourceHttpRequestHandler handler(boolean cached) {
		ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
		List<ResourceResolver> resolvers = new ArrayList<>();
		if (cached) {
			resolvers.add(new CachingResourceResolver(new ConcurrentMapCache("resources")));
		}
		resolvers.add(this.counting);
		resolvers.add(new VersionResourceResolver().addContentVersionStrategy("/**"));
		handler.setResourceResolvers(resolvers);
		return handler;
	}

	/**
	 * Answers as a versioned resource chain would, counting the lookups that reach it.
	 */
	static final class CountingResolver extends AbstractResourceResolver {

		final List<String> lookups = new ArrayList<>();

		@Override
		protected Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			return null;
		}

		@Override
		protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			this.lookups.add("/" + resourceUrlPath);
			return resourceUrlPath.endsWith(".css") ? resourceUrlPath.replace(".css", "-v1.css") : null;
		}

	}

}
