package io.github.h2push.security;

import java.util.ArrayList;
import java.util.List;

import io.github.h2push.PushAccessPolicy;
import io.github.h2push.PushAccessPolicy.Access;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SecurityPushAccessPolicy}; the sample app tests it with real
 * security rules and connections.
 */
class SecurityPushAccessPolicyTests {

	private final List<String> asked = new ArrayList<>();

	// "/private/**" is for authenticated users only
	private final WebInvocationPrivilegeEvaluator evaluator = new WebInvocationPrivilegeEvaluator() {

		@Override
		public boolean isAllowed(String uri, Authentication authentication) {
			return isAllowed(null, uri, "GET", authentication);
		}

		@Override
		public boolean isAllowed(String contextPath, String uri, String method, Authentication authentication) {
			SecurityPushAccessPolicyTests.this.asked.add(contextPath + " " + uri);
			return !uri.startsWith("/private/") || !authentication.getAuthorities()
				.stream()
				.anyMatch((authority) -> authority.getAuthority().equals("ROLE_ANONYMOUS"));
		}

	};

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void deniesToAnonymousUsersWhatTheyMayNotFetch() {
		SecurityPushAccessPolicy policy = new SecurityPushAccessPolicy(() -> this.evaluator, false);
		assertThat(policy.check(request(""), "/private/a.svg")).isEqualTo(Access.DENY);
		assertThat(policy.check(request(""), "/public/a.css")).isEqualTo(Access.PUSH);
	}

	@Test
	void onlyHintsToSignedInUsersWhatAPushedRequestCouldNotFetch() {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("user", "x", "ROLE_USER"));
		assertThat(new SecurityPushAccessPolicy(() -> this.evaluator, false).check(request(""), "/private/a.svg"))
			.isEqualTo(Access.HINT_ONLY);
		assertThat(new SecurityPushAccessPolicy(() -> this.evaluator, true).check(request(""), "/private/a.svg"))
			.isEqualTo(Access.PUSH);
	}

	@Test
	void asksAboutThePathWithinTheApplicationWithoutItsQuery() {
		SecurityPushAccessPolicy policy = new SecurityPushAccessPolicy(() -> this.evaluator, false);
		assertThat(policy.check(request("/app"), "/app/private/a.svg?v=2")).isEqualTo(Access.DENY);
		policy.check(request("/app"), "/app");
		assertThat(this.asked).containsExactly("/app /private/a.svg", "/app /");
	}

	@Test
	void marksTheThreadWhileItAsksTheEvaluator() {
		List<Boolean> marked = new ArrayList<>();
		WebInvocationPrivilegeEvaluator recording = new WebInvocationPrivilegeEvaluator() {

			@Override
			public boolean isAllowed(String uri, Authentication authentication) {
				return isAllowed(null, uri, "GET", authentication);
			}

			@Override
			public boolean isAllowed(String contextPath, String uri, String method, Authentication authentication) {
				marked.add(SecurityPushAccessPolicy.isChecking());
				return SecurityPushAccessPolicyTests.this.evaluator.isAllowed(contextPath, uri, method,
						authentication);
			}

		};
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("user", "x", "ROLE_USER"));
		assertThat(SecurityPushAccessPolicy.isChecking()).isFalse();
		assertThat(new SecurityPushAccessPolicy(() -> recording, false).check(request(""), "/private/a.svg"))
			.isEqualTo(Access.HINT_ONLY);
		assertThat(marked).containsExactly(true, true);
		assertThat(SecurityPushAccessPolicy.isChecking()).isFalse();
	}

	@Test
	void unmarksTheThreadWhenTheEvaluatorFails() {
		WebInvocationPrivilegeEvaluator failing = new WebInvocationPrivilegeEvaluator() {

			@Override
			public boolean isAllowed(String uri, Authentication authentication) {
				throw new IllegalStateException("no chain");
			}

			@Override
			public boolean isAllowed(String contextPath, String uri, String method, Authentication authentication) {
				throw new IllegalStateException("no chain");
			}

		};
		SecurityPushAccessPolicy policy = new SecurityPushAccessPolicy(() -> failing, false);
		assertThatIllegalStateException().isThrownBy(() -> policy.check(request(""), "/a.css"));
		assertThat(SecurityPushAccessPolicy.isChecking()).isFalse();
	}

	@Test
	void allowsEverythingWithoutAnEvaluator() {
		assertThat(new SecurityPushAccessPolicy(() -> null, false).check(request(""), "/private/a.svg"))
			.isEqualTo(Access.PUSH);
	}

	private static MockHttpServletRequest request(String contextPath) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setContextPath(contextPath);
		return request;
	}

}
