package io.github.h2push.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushResources;
import io.github.h2push.engine.DefaultPushPromiseService;
import io.github.h2push.engine.LearnedHints;
import io.github.h2push.engine.Navigation;
import io.github.h2push.engine.PushPlan;
import io.github.h2push.engine.PushPlans;
import io.github.h2push.engine.PushRoutes;
import io.github.h2push.engine.ResponseTimes;

import org.springframework.lang.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Pushes the resources planned for a request before its handler runs, so they flow
 * while the controller works: those declared with {@link PushResources} on the handler
 * method, followed by those of the {@code h2-push.routes} matching the request path,
 * and, for navigations when learning is on, those {@link LearnedHints learned} for the
 * handler method or route. With {@link ResponseTimes} measuring, a navigation's
 * {@code 103 Early Hints} is sent only when its route's response time says it can help.
 *
 * @since 0.1.0
 * @see PushResources
 * @see PushRoutes
 */
public class PushResourcesHandlerInterceptor implements HandlerInterceptor {

	private static final String TIMING_ATTRIBUTE = PushResourcesHandlerInterceptor.class.getName() + ".TIMING";

	private final PushPlans plans;

	private final PushRoutes routes;

	private final DefaultPushPromiseService pushPromiseService;

	@Nullable
	private final LearnedHints learnedHints;

	private final ResponseTimes responseTimes;

	// whether any request was timed yet
	private volatile boolean anyTimed;

	/**
	 * Creates an interceptor.
	 * @param plans the plans of the handler methods
	 * @param routes the routes declared in configuration
	 * @param pushPromiseService the service that pushes
	 */
	public PushResourcesHandlerInterceptor(PushPlans plans, PushRoutes routes,
			DefaultPushPromiseService pushPromiseService) {
		this(plans, routes, pushPromiseService, null);
	}

	/**
	 * Creates an interceptor that also offers learned hints on navigations.
	 * @param plans the plans of the handler methods
	 * @param routes the routes declared in configuration
	 * @param pushPromiseService the service that pushes
	 * @param learnedHints the learned hints, or {@code null} when not learning
	 */
	public PushResourcesHandlerInterceptor(PushPlans plans, PushRoutes routes,
			DefaultPushPromiseService pushPromiseService, @Nullable LearnedHints learnedHints) {
		this(plans, routes, pushPromiseService, learnedHints, ResponseTimes.always());
	}

	/**
	 * Creates an interceptor that also offers learned hints on navigations, and sends a
	 * {@code 103 Early Hints} only to routes whose response times say it can help.
	 * @param plans the plans of the handler methods
	 * @param routes the routes declared in configuration
	 * @param pushPromiseService the service that pushes
	 * @param learnedHints the learned hints, or {@code null} when not learning
	 * @param responseTimes the response time of each route
	 */
	public PushResourcesHandlerInterceptor(PushPlans plans, PushRoutes routes,
			DefaultPushPromiseService pushPromiseService, @Nullable LearnedHints learnedHints,
			ResponseTimes responseTimes) {
		this.plans = plans;
		this.routes = routes;
		this.pushPromiseService = pushPromiseService;
		this.learnedHints = learnedHints;
		this.responseTimes = responseTimes;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		PushPlan plan = (handler instanceof HandlerMethod handlerMethod) ? this.plans.planFor(handlerMethod)
				: PushPlan.EMPTY;
		plan = plan.with(this.routes.planFor(request));
		if (plan.isEmpty() && this.learnedHints == null) {
			// nothing to hint, measure or learn: most requests of most applications
			return true;
		}
		long start = System.nanoTime();
		boolean navigation = Navigation.isNavigation(request);
		String key = (navigation && (this.learnedHints != null || this.responseTimes.isMeasuring()))
				? routeKey(handler, request) : null;
		if (this.learnedHints != null && key != null) {
			plan = plan.with(this.learnedHints.planFor(key));
			// learned plans are offered to everyone: a request that carries a user does not teach
			LearnedHints.Refusal refusal = LearnedHints.refusal(request);
			if (refusal != null) {
				request.setAttribute(LearnedHints.REFUSAL_ATTRIBUTE, refusal);
			}
			else if (this.learnedHints.wantsSample(key)) {
				request.setAttribute(LearnedHints.KEY_ATTRIBUTE, key);
			}
		}
		if (!plan.isEmpty()) {
			boolean earlyHints = true;
			if (key != null && this.responseTimes.isMeasuring()) {
				ResponseTimes.Timing timing = this.responseTimes.start(key, start);
				earlyHints = timing.earlyHintsCanHelp();
				if (timing.isTimed()) {
					request.setAttribute(TIMING_ATTRIBUTE, timing);
					if (!this.anyTimed) {
						this.anyTimed = true;
					}
				}
			}
			this.pushPromiseService.push(request, response, plan, earlyHints);
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		// attribute lookups cost on some servers: none until a request was timed; a timing
		// records once, at the first completion (an asynchronous request's dispatch included)
		if (this.anyTimed && request.getAttribute(TIMING_ATTRIBUTE) instanceof ResponseTimes.Timing timing) {
			timing.stop();
		}
	}

	// a key space the application bounds: its handler methods and configured routes, never the URL
	@Nullable
	private String routeKey(Object handler, HttpServletRequest request) {
		if (handler instanceof HandlerMethod handlerMethod) {
			return handlerMethod.toString();
		}
		String pattern = this.routes.patternFor(request);
		return (pattern != null) ? "route " + pattern : null;
	}

}
