package io.github.h2push;

import java.util.List;

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

}
