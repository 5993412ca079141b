package io.github.h2push.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the servers the figures compare, all on loopback with the workspace's
 * certificate and document root.
 */
final class Servers {

	private final Workspace workspace;

	private final List<String> appArgs;

	private final List<Launched> launched = new ArrayList<>();

	/** Servers shared by the figures, started once. */
	private final Map<String, Server> shared = new HashMap<>();

	/** The processes listening on each port the harness started them on. */
	private final Map<Integer, Launched> byPort = new HashMap<>();

	Servers(Workspace workspace, List<String> appArgs) {
		this.appArgs = appArgs;
		this.workspace = workspace;
	}

	/** A started server: its name, the port it listens on, its process. */
	record Server(String name, int port, Launched process) {

		String url(String path) {
			return "https://127.0.0.1:" + this.port + path;
		}

	}

	/**
	 * The benchmark app (with h2-push), with extra Spring properties; started once per
	 * name and shared by the figures.
	 */
	Server ours(String name, String... properties) throws IOException {
		Server server = this.shared.get(name);
		if (server == null) {
			server = startOurs(name, properties);
			this.shared.put(name, server);
		}
		return server;
	}

	/**
	 * The benchmark app with extra Spring properties, not shared: the caller stops it.
	 */
	Server plainBench(String name, String... properties) throws IOException {
		return startOurs(name, properties);
	}

	private Server startOurs(String name, String... properties) throws IOException {
		int port = Workspace.freePort();
		List<String> command = new ArrayList<>(javaCommand());
		command.add("-jar");
		command.add(jar("benchmarks/bench-app/target", "h2-push-bench-app-").toString());
		command.addAll(springArgs(port));
		command.add("--spring.web.resources.static-locations=file:" + this.workspace.docroot() + "/");
		for (String property : properties) {
			command.add("--" + property);
		}
		command.addAll(this.appArgs);
		return started(name, port, command, 60_000);
	}

	/**
	 * The sample app as users run it (Spring Security, Thymeleaf, versioned URLs, cache
	 * digest), on the run's certificate; started once.
	 */
	Server sample() throws IOException {
		Server server = this.shared.get("sample");
		if (server == null) {
			int port = Workspace.freePort();
			List<String> command = new ArrayList<>(javaCommand());
			command.add("-jar");
			command.add(jar("sample-app/target", "h2-push-sample-app-").toString());
			command.addAll(springArgs(port));
			command.addAll(this.appArgs);
			server = started("sample", port, command, 60_000);
			this.shared.put("sample", server);
		}
		return server;
	}

	/**
	 * An app without h2-push ({@code benchmarks/bench-app-plain}, or
	 * {@code benchmarks/bench-app-boot4} on Spring Boot 4), or the same app packaged with
	 * the starter, with extra Spring properties.
	 */
	Server plain(PlainApp app, String name, boolean withH2Push, String... properties) throws IOException {
		int port = Workspace.freePort();
		List<String> command = plainCommand(app, port, withH2Push);
		for (String property : properties) {
			command.add("--" + property);
		}
		return started(name, port, command, 60_000);
	}

	List<String> plainCommand(PlainApp app, int port, boolean withH2Push) throws IOException {
		List<String> command = new ArrayList<>(javaCommand());
		command.add("-jar");
		// the same classes, with or without the starter's jars in BOOT-INF/lib
		command.add(jar(app.dir(), app.prefix(), withH2Push ? "-with-h2-push.jar" : "-without-h2-push.jar").toString());
		command.addAll(springArgs(port));
		command.addAll(this.appArgs);
		return command;
	}

	/** nginx, with its P1 server and its P2 server in front of the app; started once. */
	Server nginx(int appPort) throws IOException {
		Server server = this.shared.get("nginx");
		if (server == null) {
			server = startNginx(appPort);
			this.shared.put("nginx", server);
		}
		return server;
	}

	private Server startNginx(int appPort) throws IOException {
		int port = Workspace.freePort();
		int frontPort = Workspace.freePort();
		for (String temp : List.of("nginx-body", "nginx-proxy", "nginx-fastcgi", "nginx-uwsgi", "nginx-scgi")) {
			Files.createDirectories(this.workspace.dir().resolve(temp));
		}
		Path config = this.workspace.render("nginx.conf", Map.of("PORT", Integer.toString(port), "FRONT_PORT",
				Integer.toString(frontPort), "APP_PORT", Integer.toString(appPort)));
		Server server = started("nginx", port, List.of(program("nginx"), "-c", config.toString(), "-e",
				this.workspace.dir().resolve("nginx-error.log").toString()), 15_000);
		server.process().awaitPort(frontPort, 15_000);
		this.nginxFrontPort = frontPort;
		return server;
	}

	private int nginxFrontPort;

	/** The port of nginx's server in front of the app (P2). */
	int nginxFrontPort() {
		return this.nginxFrontPort;
	}

	Server h2o() throws IOException {
		int port = Workspace.freePort();
		Path config = this.workspace.render("h2o.conf", Map.of("PORT", Integer.toString(port)));
		return started("H2O", port, List.of(program("h2o"), "-c", config.toString()), 15_000);
	}

	Server apache() throws IOException {
		int port = Workspace.freePort();
		Path config = this.workspace.render("apache.conf", Map.of("PORT", Integer.toString(port)));
		return started("Apache", port, List.of(program("apache2"), "-f", config.toString(), "-DFOREGROUND"), 15_000);
	}

	synchronized void stop(Server server) {
		server.process().close();
		this.launched.remove(server.process());
		this.shared.values().remove(server);
		this.byPort.values().remove(server.process());
	}

	/**
	 * The process the harness started on {@code port}, if any.
	 */
	synchronized Launched onPort(int port) {
		return this.byPort.get(port);
	}

	synchronized void stopAll() {
		for (Launched process : this.launched) {
			process.close();
		}
		this.launched.clear();
		this.shared.clear();
		this.byPort.clear();
	}

	private Server started(String name, int port, List<String> command, long timeoutMillis) throws IOException {
		Path log = this.workspace.dir().resolve(name.replaceAll("[^A-Za-z0-9-]", "_") + ".log");
		Launched process = Launched.start(name, command, log);
		this.launched.add(process);
		this.byPort.put(port, process);
		process.awaitPort(port, timeoutMillis);
		return new Server(name, port, process);
	}

	List<String> javaCommand() {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return List.of(java, "-Xms256m", "-Xmx1g", "-XX:+UseG1GC");
	}

	private List<String> springArgs(int port) {
		return List.of("--server.address=127.0.0.1", "--server.port=" + port,
				"--server.ssl.certificate=file:" + this.workspace.cert(),
				"--server.ssl.certificate-private-key=file:" + this.workspace.key(), "--server.http2.enabled=true");
	}

	private Path jar(String dir, String prefix) throws IOException {
		return jar(dir, prefix, ".jar");
	}

	private Path jar(String dir, String prefix, String suffix) throws IOException {
		Path folder = this.workspace.repo().resolve(dir);
		try (Stream<Path> files = Files.list(folder)) {
			return files
				.filter((p) -> p.getFileName().toString().startsWith(prefix)
						&& p.getFileName().toString().endsWith(suffix))
				.findFirst()
				.orElseThrow(() -> new IOException("No " + prefix + "*" + suffix + " in " + folder + ": build first"));
		}
	}

	static String program(String name) {
		for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
			if (Files.isExecutable(Path.of(dir, name))) {
				return dir + "/" + name;
			}
		}
		return name;
	}

}
