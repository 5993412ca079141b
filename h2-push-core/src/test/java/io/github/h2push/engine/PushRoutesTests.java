package io.github.h2push.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PushRoutes}.
 */
class PushRoutesTests {

	@Test
	void combinesEveryMatchingRouteInOrderWithoutDuplicates() {
		Map<String, List<String>> declared = new LinkedHashMap<>();
		declared.put("/docs/**", List.of("/css/docs.css", "/css/site.css"));
		declared.put("/docs/*.html", List.of("/css/site.css", "/js/toc.js"));
		declared.put("/blog/**", List.of("/css/blog.css"));
		PushRoutes routes = PushRoutes.of(declared);
		assertThat(routes.planFor(request("/app", "/app/docs/intro.html")).resources()).extracting(PreloadLink::path)
			.containsExactly("/css/docs.css", "/css/site.css", "/js/toc.js");
		assertThat(routes.planFor(request("/app", "/app/docs/img/a.png")).resources()).extracting(PreloadLink::path)
			.containsExactly("/css/docs.css", "/css/site.css");
		assertThat(routes.planFor(request("", "/other")).isEmpty()).isTrue();
		assertThat(routes.getPlans()).containsOnlyKeys("/docs/**", "/docs/*.html", "/blog/**");
	}

	@Test
	void rejectsInvalidPatternsAndResources() {
		assertThatIllegalArgumentException().isThrownBy(() -> PushRoutes.of(Map.of("docs/**", List.of("/a.css"))))
			.withMessageContaining("'docs/**'")
			.withMessageContaining("must start with '/'");
		assertThatIllegalArgumentException().isThrownBy(() -> PushRoutes.of(Map.of("/{a", List.of("/a.css"))))
			.withMessageContaining("'/{a'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PushRoutes.of(Map.of("/docs", List.of("https://evil.example/a.css"))))
			.withMessageContaining("'https://evil.example/a.css' for pattern '/docs'");
	}

	private static MockHttpServletRequest request(String contextPath, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setContextPath(contextPath);
		return request;
	}

}
