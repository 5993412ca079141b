package io.github.h2push.security;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.MappingMatch;

import org.springframework.lang.Nullable;
import org.springframework.security.web.access.AuthorizationManagerWebInvocationPrivilegeEvaluator.HttpServletRequestTransformer;
import org.springframework.security.web.access.PathPatternRequestTransformer;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.util.Assert;

/**
 * Spring Security's {@link PathPatternRequestTransformer} for the
 * {@link WebInvocationPrivilegeEvaluator}, without a cost it pays on each question:
 * declare it as the application's {@link HttpServletRequestTransformer} bean in place of
 * {@code PathPatternRequestTransformer}, and every access check, h2-push's
 * ({@link SecurityPushAccessPolicy}) and the application's own, answers the same, faster.
 * <ul>
 * <li>On Spring Security 6.5, name the bean {@code pathPatternRequestTransformer}: under
 * that name it replaces the transformer Spring Security registers to run Spring MVC's
 * handler mappings. Under another name there are two such beans, and the evaluator uses
 * neither.</li>
 * <li>On Spring Security 7, where path patterns are the default, it replaces the
 * default under any name, as the only bean of its type.</li>
 * </ul>
 * <p>
 * The evaluator asks about a path through a stand-in request (Spring Security's
 * {@code FilterInvocation}) that answers what it does not know through a dynamic proxy.
 * To parse the path for path patterns ({@code ServletRequestPathUtils}), Spring asks the
 * stand-in for its servlet mapping, a default method, which that proxy calls by looking
 * the method up again on every call: tens of microseconds a question, most of each
 * question's time. This transformer answers the stand-in's servlet mapping itself, with
 * what the proxy would answer (the interface's default: no mapping), and leaves
 * everything else to the transformer it wraps. Any other request is passed on
 * unchanged.
 *
 * @since 0.1.0
 * @see SecurityPushAccessPolicy
 */
public final class PrivilegeEvaluatorRequestTransformer implements HttpServletRequestTransformer {

	// the class of FilterInvocation's stand-in request, which is not public
	private static final String STAND_IN = "org.springframework.security.web.FilterInvocation$DummyRequest";

	private static final HttpServletMapping NO_MAPPING = new HttpServletMapping() {

		@Override
		public String getMatchValue() {
			return "";
		}

		@Override
		public String getPattern() {
			return "";
		}

		@Override
		public String getServletName() {
			return "";
		}

		@Override
		@Nullable
		public MappingMatch getMappingMatch() {
			return null;
		}

	};

	private final HttpServletRequestTransformer delegate;

	/**
	 * Creates a transformer that matches path patterns, as
	 * {@link PathPatternRequestTransformer} does.
	 */
	public PrivilegeEvaluatorRequestTransformer() {
		this(new PathPatternRequestTransformer());
	}

	/**
	 * Creates a transformer that hands the stand-in request, with its servlet mapping
	 * answered, to another transformer.
	 * @param delegate the transformer to wrap
	 */
	public PrivilegeEvaluatorRequestTransformer(HttpServletRequestTransformer delegate) {
		Assert.notNull(delegate, "'delegate' must not be null");
		this.delegate = delegate;
	}

	@Override
	public HttpServletRequest transform(HttpServletRequest request) {
		return this.delegate.transform(STAND_IN.equals(request.getClass().getName()) ? new Mapped(request) : request);
	}

	private static final class Mapped extends HttpServletRequestWrapper {

		Mapped(HttpServletRequest request) {
			super(request);
		}

		@Override
		public HttpServletMapping getHttpServletMapping() {
			return NO_MAPPING;
		}

	}

}
