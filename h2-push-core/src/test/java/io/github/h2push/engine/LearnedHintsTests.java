package io.github.h2push.engine;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LearnedHints}.
 */
class LearnedHintsTests {

	private static final List<PreloadLink> PAGE = List.of(PreloadLink.of("/css/site.css"),
			PreloadLink.of("/js/app.js"));

	@Test
	void offersWhatWasLearnedAndCountsHits() {
		LearnedHints hints = new LearnedHints(10, 10, 100_000, 5, LearnedHintsTests::none);
		assertThat(hints.planFor("home")).isEqualTo(PushPlan.EMPTY);
		hints.learn("home", PAGE);
		assertThat(hints.planFor("home").resources()).isEqualTo(PAGE);
		assertThat(hints.planFor("home").resources()).isEqualTo(PAGE);
		assertThat(hints.getPlans().get("home").hits()).isEqualTo(2);
		assertThat(hints.getPlans().get("home").resources()).containsExactly("</css/site.css>; rel=preload; as=style",
				"</js/app.js>; rel=preload; as=script");
	}

	@Test
	void samplesEveryNavigationUntilAPlanIsLearnedThenOneInN() {
		LearnedHints hints = new LearnedHints(10, 10, 100_000, 3, LearnedHintsTests::none);
		assertThat(hints.wantsSample("home")).isTrue();
		assertThat(hints.wantsSample("home")).isTrue();
		hints.learn("home", PAGE);
		assertThat(List.of(hints.wantsSample("home"), hints.wantsSample("home"), hints.wantsSample("home"),
				hints.wantsSample("home"), hints.wantsSample("home"), hints.wantsSample("home")))
			.containsExactly(false, false, true, false, false, true);
	}

	@Test
	void readsASettledPlanLessAndLessOftenAndAChangedOneAsOftenAsBefore() {
		LearnedHints hints = new LearnedHints(10, 10, 100_000, 4, LearnedHintsTests::none);
		hints.learn("home", PAGE);
		assertThat(navigationsUntilSampled(hints, "home")).isEqualTo(4);
		hints.learn("home", PAGE);
		assertThat(navigationsUntilSampled(hints, "home")).isEqualTo(8);
		for (int i = 0; i < 10; i++) {
			hints.learn("home", PAGE);
		}
		assertThat(navigationsUntilSampled(hints, "home")).isEqualTo(4 * LearnedHints.MAX_BACKOFF);
		hints.learn("home", List.of(PreloadLink.of("/css/new.css")));
		assertThat(navigationsUntilSampled(hints, "home")).isEqualTo(4);
	}

	private static int navigationsUntilSampled(LearnedHints hints, String key) {
		int navigations = 1;
		while (!hints.wantsSample(key)) {
			navigations++;
		}
		return navigations;
	}

	@Test
	void replacesAPlanThatDiffersAndForgetsOneThatNamesNothing() {
		LearnedHints hints = new LearnedHints(10, 10, 100_000, 1, LearnedHintsTests::none);
		hints.learn("home", PAGE);
		hints.learn("home", PAGE);
		assertThat(hints.getPlans().get("home").updates()).isZero();
		hints.learn("home", List.of(PreloadLink.of("/css/new.css")));
		assertThat(hints.planFor("home").resources()).containsExactly(PreloadLink.of("/css/new.css"));
		assertThat(hints.getPlans().get("home").updates()).isEqualTo(1);
		hints.learn("home", List.of());
		assertThat(hints.getPlans()).isEmpty();
		assertThat(hints.planFor("home").isEmpty()).isTrue();
	}

	@Test
	void readsARouteThatTaughtNothingOnlyNowAndThen() {
		LearnedHints hints = new LearnedHints(10, 10, 100_000, 20, LearnedHintsTests::none);
		assertThat(hints.wantsSample("api")).isTrue();
		hints.learn("api", List.of());
		int sampled = 0;
		for (int i = 0; i < 40; i++) {
			sampled += hints.wantsSample("api") ? 1 : 0;
		}
		assertThat(sampled).isEqualTo(2);
	}

	@Test
	void readsARouteWhosePagesMayNotTeachAsSeldomAsASettledOne() {
		LearnedHints hints = new LearnedHints(10, 10, 100_000, 4, LearnedHintsTests::none);
		assertThat(hints.wantsSample("account")).isTrue();
		hints.refused("account");
		assertThat(navigationsUntilSampled(hints, "account")).isEqualTo(4);
		hints.refused("account");
		assertThat(navigationsUntilSampled(hints, "account")).isEqualTo(8);
		assertThat(hints.getPlans()).isEmpty();
		hints.learn("account", PAGE);
		assertThat(navigationsUntilSampled(hints, "account")).as("a page that teaches after all").isEqualTo(4);
		hints.refused("account");
		assertThat(hints.planFor("account").resources()).as("kept").isEqualTo(PAGE);
		assertThat(navigationsUntilSampled(hints, "account")).isEqualTo(8);
	}

	@Test
	void keepsAtMostTheFirstResourcesOfAPage() {
		LearnedHints hints = new LearnedHints(10, 1, 100_000, 1, LearnedHintsTests::none);
		assertThat(hints.learn("home", PAGE)).containsExactly(PreloadLink.of("/css/site.css"));
		assertThat(hints.planFor("home").resources()).containsExactly(PreloadLink.of("/css/site.css"));
	}

	@Test
	void learnsNoMoreRoutesThanAllowedAndStopsSamplingNewOnes() {
		LearnedHints hints = new LearnedHints(2, 10, 100_000, 1, LearnedHintsTests::none);
		hints.learn("a", PAGE);
		hints.learn("b", PAGE);
		assertThat(hints.wantsSample("c")).isFalse();
		assertThat(hints.learn("c", PAGE)).isEmpty();
		assertThat(hints.getPlans()).containsOnlyKeys("a", "b");
		hints.learn("a", List.of());
		assertThat(hints.getPlans()).containsOnlyKeys("b");
		assertThat(hints.wantsSample("c")).as("a route that taught nothing keeps its place").isFalse();
	}

	@Test
	void keepsTheTotalSizeWithinItsLimit() {
		LearnedHints probe = new LearnedHints(10, 10, 100_000, 1, LearnedHintsTests::none);
		probe.learn("a", PAGE);
		long onePlan = probe.getBytes();
		LearnedHints hints = new LearnedHints(10, 10, onePlan * 2, 1, LearnedHintsTests::none);
		hints.learn("a", PAGE);
		hints.learn("b", PAGE);
		assertThat(hints.learn("c", PAGE)).isEmpty();
		assertThat(hints.getBytes()).isEqualTo(onePlan * 2);
		List<PreloadLink> bigger = List.of(PreloadLink.of("/css/site.css"), PreloadLink.of("/js/app.js"),
				PreloadLink.of("/js/more.js"));
		assertThat(hints.learn("a", bigger)).as("a bigger plan that does not fit keeps the old one").isEqualTo(PAGE);
		assertThat(hints.getBytes()).isEqualTo(onePlan * 2);
	}

	@Test
	void takesAPublicOrRevalidatedResponseToBeEveryones() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		assertThat(LearnedHints.refusal(request, headers("Cache-Control", "public, max-age=60"))).isNull();
		assertThat(LearnedHints.refusal(request, headers("Cache-Control", "no-cache"))).isNull();
		assertThat(LearnedHints.refusal(request, headers("Vary", "Accept-Encoding"))).isNull();
	}

	@Test
	void takesAPrivateOrPersonalisedResponseToBeOneUsers() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		assertThat(LearnedHints.refusal(request, headers("Cache-Control", "private=\"Set-Cookie\"")))
			.isEqualTo(LearnedHints.Refusal.PRIVATE_RESPONSE);
		assertThat(LearnedHints.refusal(request, headers("Cache-Control", "max-age=0, NO-STORE")))
			.isEqualTo(LearnedHints.Refusal.PRIVATE_RESPONSE);
		assertThat(LearnedHints.refusal(request, headers("Set-Cookie", "a=b")))
			.isEqualTo(LearnedHints.Refusal.SETS_COOKIE);
		assertThat(LearnedHints.refusal(request, headers("Vary", "Origin, Cookie")))
			.isEqualTo(LearnedHints.Refusal.VARIES_WITH_CREDENTIALS);
	}

	@Test
	void takesARequestWithAUserToBeOneUsers() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		assertThat(LearnedHints.refusal(request)).isNull();
		request.setAttribute("jakarta.servlet.request.X509Certificate", new Object[0]);
		assertThat(LearnedHints.refusal(request)).isEqualTo(LearnedHints.Refusal.CREDENTIALS);
		MockHttpServletRequest signedIn = new MockHttpServletRequest("GET", "/");
		signedIn.setRemoteUser("alice");
		assertThat(LearnedHints.refusal(signedIn)).isEqualTo(LearnedHints.Refusal.PRINCIPAL);
		MockHttpServletRequest withSession = new MockHttpServletRequest("GET", "/");
		withSession.setSession(new MockHttpSession());
		assertThat(LearnedHints.refusal(withSession, headers("Vary", "Accept")))
			.isEqualTo(LearnedHints.Refusal.SESSION);
	}

	private static Function<String, Collection<String>> headers(String name, String value) {
		return (header) -> header.equalsIgnoreCase(name) ? List.of(value) : List.of();
	}

	private static boolean none(HttpServletRequest request, String path) {
		return false;
	}

}
