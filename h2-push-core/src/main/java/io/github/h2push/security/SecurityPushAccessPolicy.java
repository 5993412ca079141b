package io.github.h2push.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import io.github.h2push.PushAccessPolicy;

import org.springframework.core.NamedThreadLocal;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Offers a resource only as far as the application's Spring Security rules allow, as
 * asked through its {@link WebInvocationPrivilegeEvaluator}:
 * <ul>
 * <li>a resource the current user may not {@code GET} is neither pushed nor hinted,
 * so a page never reveals or fetches what its user may not see;</li>
 * <li>a resource the current user may fetch but an anonymous request may not is only
 * hinted, unless credentials are copied into promises: a pushed request carries only
 * the copied headers, so the filter chain would treat it as anonymous and answer
 * {@code 401} or a redirect, while the browser's own fetch carries its cookies;</li>
 * <li>anything else is pushed, and the pushed request still passes the filter
 * chain.</li>
 * </ul>
 * These questions are about requests that have not been made. While one is asked,
 * {@link #isChecking()} is {@code true} on the asking thread, so that an observation
 * predicate can keep them out of the application's authorization metrics and traces
 * (h2-push's auto-configuration registers one).
 *
 * @since 0.1.0
 */
public class SecurityPushAccessPolicy implements PushAccessPolicy {

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("h2-push", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private static final ThreadLocal<Boolean> checking = new NamedThreadLocal<>("h2-push access check");

	private final Supplier<WebInvocationPrivilegeEvaluator> evaluator;

	private final boolean credentialsCopied;

	/**
	 * Creates a policy.
	 * @param evaluator supplies the application's privilege evaluator, or
	 * {@code null} when security is not set up (then everything is allowed); asked on
	 * each check, so it should cache
	 * @param credentialsCopied whether promises carry the client's credentials
	 * ({@code Cookie} or {@code Authorization} in {@code h2-push.copied-headers} or
	 * {@code h2-push.additional-copied-headers})
	 */
	public SecurityPushAccessPolicy(Supplier<WebInvocationPrivilegeEvaluator> evaluator, boolean credentialsCopied) {
		this.evaluator = evaluator;
		this.credentialsCopied = credentialsCopied;
	}

	@Override
	public Access check(HttpServletRequest request, String path) {
		WebInvocationPrivilegeEvaluator evaluator = this.evaluator.get();
		if (evaluator == null) {
			return Access.PUSH;
		}
		String contextPath = request.getContextPath();
		int query = path.indexOf('?');
		String uri = (query >= 0) ? path.substring(0, query) : path;
		if (!contextPath.isEmpty() && (uri.equals(contextPath) || uri.startsWith(contextPath + "/"))) {
			uri = uri.equals(contextPath) ? "/" : uri.substring(contextPath.length());
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		boolean anonymous = current == null || current instanceof AnonymousAuthenticationToken;
		boolean nested = isChecking();
		if (!nested) {
			checking.set(Boolean.TRUE);
		}
		try {
			if (!evaluator.isAllowed(contextPath, uri, "GET", anonymous ? ANONYMOUS : current)) {
				return Access.DENY;
			}
			if (anonymous || this.credentialsCopied || evaluator.isAllowed(contextPath, uri, "GET", ANONYMOUS)) {
				return Access.PUSH;
			}
			return Access.HINT_ONLY;
		}
		finally {
			if (!nested) {
				checking.remove();
			}
		}
	}

	/**
	 * Whether the current thread is asking the privilege evaluator on behalf of a
	 * policy's {@link #check}: the authorization decisions made meanwhile are about a
	 * request that has not been made.
	 * @return {@code true} inside a check
	 */
	public static boolean isChecking() {
		return checking.get() != null;
	}

}
