package io.github.h2push.engine;

import java.lang.reflect.Method;
import java.util.Map;

import io.github.h2push.PushResource;
import io.github.h2push.PushResources;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PushPlans}.
 */
class PushPlansTests {

	private final PushPlans plans = new PushPlans(environment()::resolveRequiredPlaceholders);

	private static StandardEnvironment environment() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("asset.version", "42")));
		return environment;
	}

	@Test
	void mergesClassThenMethodValuesWithoutDuplicates() throws Exception {
		PushPlan plan = this.plans.planFor(handler(Annotated.class, "page"));
		assertThat(plan.resources()).extracting(PreloadLink::path)
			.containsExactly("/css/site.css", "/js/app.js?v=42", "/img/logo.svg", "/fonts/body.woff2");
		assertThat(plan.resources().get(3).headerValue())
			.isEqualTo("</fonts/body.woff2>; rel=preload; as=font; crossorigin; fetchpriority=high");
	}

	@Test
	void usesTheClassDeclarationAlone() throws Exception {
		assertThat(this.plans.planFor(handler(Annotated.class, "other")).resources()).extracting(PreloadLink::path)
			.containsExactly("/css/site.css", "/js/app.js?v=42");
	}

	@Test
	void plansNothingWithoutDeclarations() throws Exception {
		assertThat(this.plans.planFor(handler(Plain.class, "page"))).isSameAs(PushPlan.EMPTY);
	}

	@Test
	void computesEachPlanOnce() throws Exception {
		PushPlan first = this.plans.planFor(handler(Annotated.class, "page"));
		assertThat(this.plans.planFor(handler(Annotated.class, "page"))).isSameAs(first);
		assertThat(this.plans.getPlans()).containsOnlyKeys(Annotated.class.getName() + "#page()");
	}

	private static HandlerMethod handler(Class<?> type, String name) throws Exception {
		Method method = type.getDeclaredMethod(name);
		return new HandlerMethod(type.getDeclaredConstructor().newInstance(), method);
	}

	@PushResources({ "/css/site.css", "/js/app.js?v=${asset.version}" })
	static class Annotated {

		@PushResources(value = { "/img/logo.svg", "/css/site.css" },
				resources = @PushResource(value = "/fonts/body.woff2", fetchPriority = "high"))
		String page() {
			return "page";
		}

		String other() {
			return "other";
		}

	}

	static class Plain {

		String page() {
			return "page";
		}

	}

}
