package io.github.h2push.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.access.AuthorizationManagerWebInvocationPrivilegeEvaluator;
import org.springframework.security.web.access.AuthorizationManagerWebInvocationPrivilegeEvaluator.HttpServletRequestTransformer;
import org.springframework.security.web.access.PathPatternRequestTransformer;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PrivilegeEvaluatorRequestTransformer}, with Spring Security's own
 * privilege evaluator and path-pattern rules.
 */
class PrivilegeEvaluatorRequestTransformerTests {

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("key", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private static final Authentication USER = new TestingAuthenticationToken("user", "x", "ROLE_USER");

	private static final Authentication ADMIN = new TestingAuthenticationToken("admin", "x", "ROLE_USER",
			"ROLE_ADMIN");

	private static final List<String> PATHS = List.of("/", "/css/site.css", "/account/avatar.svg", "/account",
			"/admin/", "/admin/users/1", "/admin.css", "/img/a%20b.png", "/js/app.js;v=2");

	@Test
	void evaluatorDecidesAsWithPathPatternRequestTransformer() {
		AuthorizationManagerWebInvocationPrivilegeEvaluator ours = evaluator(
				new PrivilegeEvaluatorRequestTransformer());
		AuthorizationManagerWebInvocationPrivilegeEvaluator springs = evaluator(new PathPatternRequestTransformer());
		int denied = 0;
		for (String contextPath : List.of("", "/app")) {
			for (String path : PATHS) {
				for (Authentication authentication : List.of(ANONYMOUS, USER, ADMIN)) {
					boolean expected = springs.isAllowed(contextPath, path, "GET", authentication);
					assertThat(ours.isAllowed(contextPath, path, "GET", authentication))
						.as("%s%s as %s", contextPath, path, authentication.getName())
						.isEqualTo(expected);
					denied += expected ? 0 : 1;
				}
			}
		}
		// in each context path: the two account and two admin paths to the anonymous user, the admin ones to the user
		assertThat(denied).isEqualTo(2 * (4 + 2));
	}

	@Test
	void answersTheStandInRequestsServletMappingWithTheProxysAnswer() {
		List<HttpServletRequest> handedOn = new ArrayList<>();
		HttpServletRequest standIn = new FilterInvocation("/app", "/css/site.css", "GET", null).getHttpRequest();
		new PrivilegeEvaluatorRequestTransformer(recording(handedOn)).transform(standIn);
		assertThat(handedOn).hasSize(1);
		// a stand-in of another class would be handed on as it is, and ask the proxy again
		assertThat(handedOn.get(0)).isNotSameAs(standIn);
		HttpServletMapping mapping = handedOn.get(0).getHttpServletMapping();
		HttpServletMapping proxys = standIn.getHttpServletMapping();
		assertThat(mapping.getMappingMatch()).isEqualTo(proxys.getMappingMatch()).isNull();
		assertThat(mapping.getMatchValue()).isEqualTo(proxys.getMatchValue()).isEmpty();
		assertThat(mapping.getPattern()).isEqualTo(proxys.getPattern()).isEmpty();
		assertThat(mapping.getServletName()).isEqualTo(proxys.getServletName()).isEmpty();
		assertThat(handedOn.get(0).getRequestURI()).isEqualTo("/app/css/site.css");
	}

	@Test
	void parsesTheSamePathAsPathPatternRequestTransformer() {
		for (String path : PATHS) {
			HttpServletRequest ours = new PrivilegeEvaluatorRequestTransformer()
				.transform(new FilterInvocation("/app", path, "GET", null).getHttpRequest());
			HttpServletRequest springs = new PathPatternRequestTransformer()
				.transform(new FilterInvocation("/app", path, "GET", null).getHttpRequest());
			assertThat(ServletRequestPathUtils.getParsedRequestPath(ours).pathWithinApplication().value())
				.as(path)
				.isEqualTo(ServletRequestPathUtils.getParsedRequestPath(springs).pathWithinApplication().value());
		}
	}

	@Test
	void handsOtherRequestsOnUnchanged() {
		List<HttpServletRequest> handedOn = new ArrayList<>();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/css/site.css");
		new PrivilegeEvaluatorRequestTransformer(recording(handedOn)).transform(request);
		assertThat(handedOn).containsExactly(request);
	}

	private static HttpServletRequestTransformer recording(List<HttpServletRequest> handedOn) {
		return (request) -> {
			handedOn.add(request);
			return request;
		};
	}

	// "/account/**" for signed-in users, "/admin/**" for admins, the rest for everyone
	private static AuthorizationManagerWebInvocationPrivilegeEvaluator evaluator(
			HttpServletRequestTransformer transformer) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcherDelegatingAuthorizationManager rules = RequestMatcherDelegatingAuthorizationManager.builder()
			.add(paths.matcher("/account/**"), AuthenticatedAuthorizationManager.authenticated())
			.add(paths.matcher("/admin/**"), AuthorityAuthorizationManager.hasRole("ADMIN"))
			.add(AnyRequestMatcher.INSTANCE, SingleResultAuthorizationManager.permitAll())
			.build();
		AuthorizationManagerWebInvocationPrivilegeEvaluator evaluator =
				new AuthorizationManagerWebInvocationPrivilegeEvaluator(rules);
		evaluator.setRequestTransformer(transformer);
		return evaluator;
	}

}
