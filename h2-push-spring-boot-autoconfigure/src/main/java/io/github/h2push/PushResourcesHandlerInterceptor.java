package io.github.h2push;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Pushes the resources planned for a handler method before the method runs, so they
 * flow while the controller works.
 *
 * @since 0.1.0
 * @see PushResources
 */
public class PushResourcesHandlerInterceptor implements HandlerInterceptor {

	private final PushPlans plans;

	private final PushPromiseService pushPromiseService;

	/**
	 * Creates an interceptor.
	 * @param plans the plans of the handler methods
	 * @param pushPromiseService the service that pushes
	 */
	public PushResourcesHandlerInterceptor(PushPlans plans, PushPromiseService pushPromiseService) {
		this.plans = plans;
		this.pushPromiseService = pushPromiseService;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod handlerMethod && request.getDispatcherType() == DispatcherType.REQUEST) {
			PushPlan plan = this.plans.planFor(handlerMethod);
			if (!plan.isEmpty()) {
				this.pushPromiseService.push(request, response, plan);
			}
		}
		return true;
	}

}
