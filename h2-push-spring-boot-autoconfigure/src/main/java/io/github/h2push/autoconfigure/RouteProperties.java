package io.github.h2push.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/**
 * Resources pushed for the request paths matching a pattern.
 *
 * @since 0.1.0
 */
public class RouteProperties {

	/**
	 * Path pattern, such as /docs/** or /index.html, matched against the path
	 * within the application.
	 */
	private String pattern;

	/**
	 * Paths of the resources to push, such as /css/site.css.
	 */
	private List<String> resources = new ArrayList<>();

	public String getPattern() {
		return this.pattern;
	}

	public void setPattern(String pattern) {
		this.pattern = pattern;
	}

	public List<String> getResources() {
		return this.resources;
	}

	public void setResources(List<String> resources) {
		this.resources = resources;
	}

}
