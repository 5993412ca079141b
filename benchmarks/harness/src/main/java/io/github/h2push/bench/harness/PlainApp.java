package io.github.h2push.bench.harness;

/**
 * An app packaged twice from the same classes, with and without h2-push's jars in
 * {@code BOOT-INF/lib}: the starter's overhead (P3) and startup time (P5) compare the
 * two jars.
 */
enum PlainApp {

	/** Spring Boot 3.5 on Undertow, with the Boot 3.5 starter ({@code benchmarks/bench-app-plain}). */
	BOOT3("benchmarks/bench-app-plain/target", "h2-push-bench-app-plain-"),

	/** Spring Boot 4 on Tomcat 11, with the Boot 4 starter ({@code benchmarks/bench-app-boot4}). */
	BOOT4("benchmarks/bench-app-boot4/target", "h2-push-bench-app-boot4-");

	private final String dir;

	private final String prefix;

	PlainApp(String dir, String prefix) {
		this.dir = dir;
		this.prefix = prefix;
	}

	String dir() {
		return this.dir;
	}

	String prefix() {
		return this.prefix;
	}

}
