package io.github.h2push.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.lang.Nullable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StaticResources}.
 */
class StaticResourcesTests {

	private final CountingResolver counting = new CountingResolver();

	private final ResourceUrlProvider provider = new ResourceUrlProvider();

	private final MockHttpServletRequest page = new MockHttpServletRequest("GET", "/");

	@Test
	void servesWhatAResourceHandlerFindsInItsLocations() {
		this.provider.setHandlerMap(Map.of("/**", handler()));
		StaticResources resources = new StaticResources(() -> this.provider);
		assertThat(resources.test(this.page, "/css/site.css")).isTrue();
		assertThat(resources.test(this.page, "/css/missing.css")).isFalse();
		assertThat(resources.test(this.page, "/account/delete")).isFalse();
		assertThat(resources.test(this.page, "/css/")).isFalse();
	}

	@Test
	void servesTheVersionedUrlOfAFile() throws IOException {
		this.provider.setHandlerMap(Map.of("/**", handler()));
		StaticResources resources = new StaticResources(() -> this.provider);
		String hash = DigestUtils
			.md5DigestAsHex(new ClassPathResource("static-files/css/site.css").getContentAsByteArray());
		assertThat(resources.test(this.page, "/css/site-" + hash + ".css")).isTrue();
		assertThat(resources.test(this.page, "/css/site-0123456789abcdef0123456789abcdef.css")).isFalse();
	}

	@Test
	void looksAtThePathWithinTheHandlersPattern() {
		this.provider.setHandlerMap(Map.of("/assets/**", handler()));
		StaticResources resources = new StaticResources(() -> this.provider);
		assertThat(resources.test(this.page, "/assets/css/site.css")).isTrue();
		assertThat(resources.test(this.page, "/css/site.css")).isFalse();
	}

	@Test
	void looksAtThePathWithinTheApplication() {
		this.provider.setHandlerMap(Map.of("/**", handler()));
		StaticResources resources = new StaticResources(() -> this.provider);
		MockHttpServletRequest app = new MockHttpServletRequest("GET", "/app/");
		app.setContextPath("/app");
		assertThat(resources.test(app, "/app/css/site.css")).isTrue();
		assertThat(resources.test(app, "/css/site.css")).isFalse();
	}

	@Test
	void looksEachPathUpOnce() {
		this.provider.setHandlerMap(Map.of("/**", handler()));
		StaticResources resources = new StaticResources(() -> this.provider);
		for (int i = 0; i < 3; i++) {
			resources.test(this.page, "/css/site.css");
			resources.test(this.page, "/account/delete");
		}
		assertThat(this.counting.lookups).containsExactly("css/site.css", "account/delete");
	}

	@Test
	void remembersABoundedNumberOfPaths() {
		this.provider.setHandlerMap(Map.of("/**", handler()));
		StaticResources resources = new StaticResources(() -> this.provider);
		for (int i = 0; i <= StaticResources.MAX_CACHED; i++) {
			resources.test(this.page, "/css/" + i + ".css");
		}
		assertThat(resources.cached()).isLessThanOrEqualTo(StaticResources.MAX_CACHED);
	}

	@Test
	void servesNothingWithoutResourceHandlers() {
		assertThat(new StaticResources(() -> null).test(this.page, "/css/site.css")).isFalse();
		assertThat(new StaticResources(() -> this.provider).test(this.page, "/css/site.css")).isFalse();
	}

	private ResourceHttpRequestHandler handler() {
		ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
		handler.setLocations(List.of(new ClassPathResource("static-files/")));
		List<ResourceResolver> resolvers = new ArrayList<>();
		resolvers.add(this.counting);
		resolvers.add(new VersionResourceResolver().addContentVersionStrategy("/**"));
		resolvers.add(new PathResourceResolver());
		handler.setResourceResolvers(resolvers);
		return handler;
	}

	/**
	 * Records the paths the chain is asked to resolve.
	 */
	static final class CountingResolver extends AbstractResourceResolver {

		final List<String> lookups = new ArrayList<>();

		@Override
		protected Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			this.lookups.add(requestPath);
			return chain.resolveResource(request, requestPath, locations);
		}

		@Override
		protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			return chain.resolveUrlPath(resourceUrlPath, locations);
		}

	}

}
