package io.github.h2push.support;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushPromiseService;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Pushes the resources planned for a request before its handler runs, so they flow
 * while the controller works: those declared with {@link PushResources} on the handler
 * method, followed by those of the {@code h2-push.routes} matching the request path.
 *
 * @since 0.1.0
 * @see PushResources
 * @see PushRoutes
 */
public class PushResourcesHandlerInterceptor implements HandlerInterceptor {

	private final PushPlans plans;

	private final PushRoutes routes;

	private final PushPromiseService pushPromiseService;

	/**
	 * Creates an interceptor.
	 * @param plans the plans of the handler methods
	 * @param routes the routes declared in configuration
	 * @param pushPromiseService the service that pushes
	 */
	public PushResourcesHandlerInterceptor(PushPlans plans, PushRoutes routes, PushPromiseService pushPromiseService) {
		this.plans = plans;
		this.routes = routes;
		this.pushPromiseService = pushPromiseService;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		PushPlan plan = (handler instanceof HandlerMethod handlerMethod) ? this.plans.planFor(handlerMethod)
				: PushPlan.EMPTY;
		plan = plan.with(this.routes.planFor(request));
		if (!plan.isEmpty()) {
			this.pushPromiseService.push(request, response, plan);
		}
		return true;
	}

}
