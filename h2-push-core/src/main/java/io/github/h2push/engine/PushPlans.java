package io.github.h2push.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.github.h2push.PushResource;
import io.github.h2push.PushResources;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringValueResolver;
import org.springframework.web.method.HandlerMethod;

/**
 * The {@link PushPlan} of each handler method, computed from {@link PushResources}
 * declarations. Plans are computed for all known handler methods at startup by
 * {@link #initialize(Collection)}, so that requests only look them up; a handler
 * method first seen later (a handler registered at runtime, a standalone MockMvc
 * setup) is planned once on first use.
 *
 * @since 0.1.0
 */
public class PushPlans {

	private final Map<HandlerKey, PushPlan> plans = new ConcurrentHashMap<>();

	@Nullable
	private final StringValueResolver placeholderResolver;

	/**
	 * Creates the plans.
	 * @param placeholderResolver resolves {@code ${…}} placeholders, or {@code null}
	 * to take values literally
	 */
	public PushPlans(@Nullable StringValueResolver placeholderResolver) {
		this.placeholderResolver = placeholderResolver;
	}

	/**
	 * Computes and validates the plans of the given handler methods.
	 * @param handlerMethods the handler methods
	 * @throws IllegalStateException naming the method and value when a declaration is
	 * invalid
	 */
	public void initialize(Collection<HandlerMethod> handlerMethods) {
		for (HandlerMethod handlerMethod : handlerMethods) {
			planFor(handlerMethod);
		}
	}

	/**
	 * The plan for a handler method.
	 * @param handlerMethod the handler method
	 * @return its plan, {@link PushPlan#EMPTY} when nothing is declared
	 */
	public PushPlan planFor(HandlerMethod handlerMethod) {
		HandlerKey key = new HandlerKey(handlerMethod.getBeanType(), handlerMethod.getMethod());
		PushPlan plan = this.plans.get(key);
		if (plan == null) {
			plan = this.plans.computeIfAbsent(key, (k) -> createPlan(k.beanType(), k.method()));
		}
		return plan;
	}

	/**
	 * The plans that push something, keyed by a readable name of the handler method.
	 * @return the non-empty plans
	 */
	public Map<String, PushPlan> getPlans() {
		Map<String, PushPlan> result = new LinkedHashMap<>();
		this.plans.forEach((key, plan) -> {
			if (!plan.isEmpty()) {
				result.put(describe(key.beanType(), key.method()), plan);
			}
		});
		return result;
	}

	private PushPlan createPlan(Class<?> beanType, Method method) {
		Class<?> userType = ClassUtils.getUserClass(beanType);
		Map<String, PreloadLink> links = new LinkedHashMap<>();
		addDeclared(links, AnnotatedElementUtils.findMergedAnnotation(userType, PushResources.class), userType,
				method);
		addDeclared(links, AnnotatedElementUtils.findMergedAnnotation(method, PushResources.class), userType, method);
		return links.isEmpty() ? PushPlan.EMPTY : new PushPlan(new ArrayList<>(links.values()));
	}

	private void addDeclared(Map<String, PreloadLink> links, @Nullable PushResources declaration, Class<?> beanType,
			Method method) {
		if (declaration == null) {
			return;
		}
		for (String value : declaration.value()) {
			String path = resolve(value, beanType, method);
			links.putIfAbsent(path, PreloadLink.of(path));
		}
		for (PushResource resource : declaration.resources()) {
			String path = resolve(resource.value(), beanType, method);
			String as = resolveAttribute(resource.as(), beanType, method);
			String fetchPriority = resolveAttribute(resource.fetchPriority(), beanType, method);
			if (!as.isEmpty() && !PreloadLink.DESTINATIONS.contains(as)) {
				throw invalid(beanType, method, as,
						"is not a preload destination; use one of " + new TreeSet<>(PreloadLink.DESTINATIONS));
			}
			if (!fetchPriority.isEmpty() && !PreloadLink.FETCH_PRIORITIES.contains(fetchPriority)) {
				throw invalid(beanType, method, fetchPriority, "is not a fetch priority; use high, low or auto");
			}
			links.putIfAbsent(path, PreloadLink.of(path, as, fetchPriority));
		}
	}

	private String resolve(String value, Class<?> beanType, Method method) {
		String resolved = value;
		if (this.placeholderResolver != null && value != null) {
			try {
				resolved = this.placeholderResolver.resolveStringValue(value);
			}
			catch (IllegalArgumentException ex) {
				throw invalid(beanType, method, value, "has a placeholder that cannot be resolved: " + ex.getMessage());
			}
		}
		String problem = PushPathValidator.problemWith(resolved);
		if (problem != null) {
			String resolvedTo = (resolved != null && !resolved.equals(value)) ? resolved : null;
			throw invalid(beanType, method, value, resolvedTo, problem);
		}
		return resolved;
	}

	private String resolveAttribute(String value, Class<?> beanType, Method method) {
		if (this.placeholderResolver == null || value.isEmpty()) {
			return value.trim();
		}
		try {
			return this.placeholderResolver.resolveStringValue(value).trim();
		}
		catch (IllegalArgumentException ex) {
			throw invalid(beanType, method, value, "has a placeholder that cannot be resolved: " + ex.getMessage());
		}
	}

	private static IllegalStateException invalid(Class<?> beanType, Method method, @Nullable String value,
			String problem) {
		return invalid(beanType, method, value, null, problem);
	}

	private static IllegalStateException invalid(Class<?> beanType, Method method, @Nullable String value,
			@Nullable String resolved, String problem) {
		String shown = "'" + LogSafe.escape(value) + "'"
				+ ((resolved != null) ? " (resolved to '" + LogSafe.escape(resolved) + "')" : "");
		return new IllegalStateException("Invalid @PushResources value " + shown + " on " + describe(beanType, method)
				+ ": the value " + problem);
	}

	private static String describe(Class<?> beanType, Method method) {
		StringBuilder name = new StringBuilder(beanType.getName()).append('#').append(method.getName()).append('(');
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			name.append((i > 0) ? ", " : "").append(parameters[i].getSimpleName());
		}
		return name.append(')').toString();
	}

	// a handler's bean type and Method are the same objects on every request: compared by
	// identity first, without the record's method handles
	private record HandlerKey(Class<?> beanType, Method method) {

		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof HandlerKey that && this.beanType == that.beanType
					&& (this.method == that.method || this.method.equals(that.method)));
		}

		@Override
		public int hashCode() {
			return 31 * this.beanType.hashCode() + this.method.hashCode();
		}

	}

}
