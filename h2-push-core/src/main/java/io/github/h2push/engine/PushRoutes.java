package io.github.h2push.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.lang.Nullable;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Resources to push for request paths matching patterns, declared in configuration
 * ({@code h2-push.routes}) for pages that no annotated controller serves: static
 * pages, view controllers, the welcome page. Patterns use Spring's
 * {@link PathPattern} syntax and match the path within the application.
 *
 * @since 0.1.0
 */
public final class PushRoutes {

	/**
	 * No routes.
	 */
	public static final PushRoutes NONE = new PushRoutes(List.of());

	private final List<Route> routes;

	private PushRoutes(List<Route> routes) {
		this.routes = routes;
	}

	/**
	 * Creates routes from patterns and their resources, checking both.
	 * @param declared the resources of each pattern, in order
	 * @return the routes
	 * @throws IllegalArgumentException naming the pattern or resource that is invalid
	 */
	public static PushRoutes of(Map<String, List<String>> declared) {
		List<Route> routes = new ArrayList<>(declared.size());
		declared.forEach((pattern, resources) -> {
			String problem = problemWithPattern(pattern);
			if (problem != null) {
				throw new IllegalArgumentException("Invalid pattern '" + LogSafe.escape(pattern) + "': " + problem);
			}
			Map<String, PreloadLink> links = new LinkedHashMap<>();
			for (String resource : resources) {
				String resourceProblem = PushPathValidator.problemWith(resource);
				if (resourceProblem != null) {
					throw new IllegalArgumentException("Invalid resource '" + LogSafe.escape(resource)
							+ "' for pattern '" + pattern + "': the value " + resourceProblem);
				}
				links.putIfAbsent(resource, PreloadLink.of(resource));
			}
			routes.add(new Route(pattern, PathPatternParser.defaultInstance.parse(pattern),
					new PushPlan(new ArrayList<>(links.values()))));
		});
		return new PushRoutes(List.copyOf(routes));
	}

	/**
	 * What is wrong with a route pattern.
	 * @param pattern the pattern
	 * @return the problem, or {@code null} if it is a valid pattern
	 */
	public static String problemWithPattern(String pattern) {
		if (pattern == null || !pattern.startsWith("/")) {
			return "a pattern must start with '/'";
		}
		try {
			PathPatternParser.defaultInstance.parse(pattern);
			return null;
		}
		catch (RuntimeException ex) {
			return ex.getMessage();
		}
	}

	/**
	 * The resources of every route matching the request, in declaration order and
	 * without duplicates.
	 * @param request the request
	 * @return the plan, {@link PushPlan#EMPTY} when no route matches
	 */
	public PushPlan planFor(HttpServletRequest request) {
		if (this.routes.isEmpty()) {
			return PushPlan.EMPTY;
		}
		PathContainer path = pathWithinApplication(request);
		PushPlan plan = PushPlan.EMPTY;
		for (Route route : this.routes) {
			if (route.pattern().matches(path)) {
				plan = plan.with(route.plan());
			}
		}
		return plan;
	}

	/**
	 * The pattern of the first route matching the request.
	 * @param request the request
	 * @return the pattern as configured, or {@code null} when no route matches
	 */
	@Nullable
	public String patternFor(HttpServletRequest request) {
		if (this.routes.isEmpty()) {
			return null;
		}
		PathContainer path = pathWithinApplication(request);
		for (Route route : this.routes) {
			if (route.pattern().matches(path)) {
				return route.source();
			}
		}
		return null;
	}

	/**
	 * The plan of each route, keyed by its pattern.
	 * @return the plans
	 */
	public Map<String, PushPlan> getPlans() {
		Map<String, PushPlan> plans = new LinkedHashMap<>();
		for (Route route : this.routes) {
			plans.put(route.source(), route.plan());
		}
		return plans;
	}

	private static PathContainer pathWithinApplication(HttpServletRequest request) {
		RequestPath path = ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request)
				: RequestPath.parse(request.getRequestURI(), request.getContextPath());
		return path.pathWithinApplication();
	}

	private record Route(String source, PathPattern pattern, PushPlan plan) {
	}

}
