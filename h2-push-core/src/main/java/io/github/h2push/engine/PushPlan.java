package io.github.h2push.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources to push for one handler method, resolved and validated once at
 * startup.
 *
 * @param resources the resources, class-level ones first, without duplicates
 * @since 0.1.0
 */
public record PushPlan(List<PreloadLink> resources) {

	/**
	 * A plan that pushes nothing.
	 */
	public static final PushPlan EMPTY = new PushPlan(List.of());

	/**
	 * Creates a plan.
	 * @param resources the resources
	 */
	public PushPlan {
		resources = List.copyOf(resources);
	}

	/**
	 * Whether the plan pushes nothing.
	 * @return {@code true} if empty
	 */
	public boolean isEmpty() {
		return this.resources.isEmpty();
	}

	/**
	 * This plan followed by the resources of another that it does not have yet.
	 * @param other the other plan
	 * @return the combined plan
	 */
	public PushPlan with(PushPlan other) {
		if (other.isEmpty()) {
			return this;
		}
		if (isEmpty()) {
			return other;
		}
		Map<String, PreloadLink> links = new LinkedHashMap<>();
		for (PreloadLink link : this.resources) {
			links.putIfAbsent(link.path(), link);
		}
		for (PreloadLink link : other.resources) {
			links.putIfAbsent(link.path(), link);
		}
		return new PushPlan(new ArrayList<>(links.values()));
	}

}
