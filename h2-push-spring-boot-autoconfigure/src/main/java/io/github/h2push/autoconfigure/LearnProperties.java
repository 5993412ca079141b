package io.github.h2push.autoconfigure;

import org.springframework.util.unit.DataSize;

/**
 * Early hints learned from the pages themselves.
 *
 * @since 0.1.0
 */
public class LearnProperties {

	/**
	 * Whether to learn, per handler method or route, the preload links and
	 * render-blocking head resources of successful HTML responses to navigations, and
	 * offer them on later navigations like declared resources (103 Early Hints, or
	 * pushes). Only anonymous, public responses teach, and only static resources whose
	 * path carries no value of the request are learned.
	 */
	private boolean enabled;

	/**
	 * Most bytes read from the start of a sampled response to find its head's
	 * resources.
	 */
	private DataSize headSize = DataSize.ofKilobytes(16);

	/**
	 * Most handler methods and routes with a learned plan.
	 */
	private int maxRoutes = 256;

	/**
	 * Most resources in one learned plan; further ones are left out.
	 */
	private int maxResourcesPerRoute = 16;

	/**
	 * Most memory all learned plans take together, estimated; a new plan that does not
	 * fit is not kept.
	 */
	private DataSize maxSize = DataSize.ofKilobytes(256);

	/**
	 * Once a route has a learned plan, one navigation in this many is read again, so
	 * the plan follows changes to the page; each sample that confirms the plan doubles
	 * the interval, up to 16 times this.
	 */
	private int sampleEvery = 20;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public DataSize getHeadSize() {
		return this.headSize;
	}

	public void setHeadSize(DataSize headSize) {
		this.headSize = headSize;
	}

	public int getMaxRoutes() {
		return this.maxRoutes;
	}

	public void setMaxRoutes(int maxRoutes) {
		this.maxRoutes = maxRoutes;
	}

	public int getMaxResourcesPerRoute() {
		return this.maxResourcesPerRoute;
	}

	public void setMaxResourcesPerRoute(int maxResourcesPerRoute) {
		this.maxResourcesPerRoute = maxResourcesPerRoute;
	}

	public DataSize getMaxSize() {
		return this.maxSize;
	}

	public void setMaxSize(DataSize maxSize) {
		this.maxSize = maxSize;
	}

	public int getSampleEvery() {
		return this.sampleEvery;
	}

	public void setSampleEvery(int sampleEvery) {
		this.sampleEvery = sampleEvery;
	}

}
