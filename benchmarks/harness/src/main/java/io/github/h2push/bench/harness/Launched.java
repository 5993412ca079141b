package io.github.h2push.bench.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A process the harness started (a peer or an app), with its output in a log file; only
 * ever stopped through its own handle.
 */
final class Launched implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path log;

	private final long startNanos;

	private Launched(String name, Process process, Path log, long startNanos) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.startNanos = startNanos;
	}

	static Launched start(String name, List<String> command, Path log) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		long start = System.nanoTime();
		return new Launched(name, builder.start(), log, start);
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	long startNanos() {
		return this.startNanos;
	}

	/**
	 * The CPU time all the process's threads have used, user and system, from
	 * {@code /proc}, in clock ticks (1/100 s).
	 * @return the ticks, or -1 when they cannot be read (not Linux, process gone)
	 */
	long cpuTicks() {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
			// the fields after the command name, which is in parentheses: state is the first, utime the 12th
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * The CPU time each of the JVM's C2 compiler threads has used, user and system, from
	 * {@code /proc}, in clock ticks (1/100 s). The JVM may start and stop compiler threads,
	 * so a difference over time is taken thread by thread.
	 * @return the ticks by thread id, or {@code null} when they cannot be read
	 */
	Map<String, Long> c2CompilerTicks() {
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
			Map<String, Long> ticks = new HashMap<>();
			for (Path task : (Iterable<Path>) tasks::iterator) {
				try {
					if (Files.readString(task.resolve("comm")).startsWith("C2 Compiler")) {
						String stat = Files.readString(task.resolve("stat"));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						ticks.put(task.getFileName().toString(),
								Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
					}
				}
				catch (IOException ex) {
					// a compiler thread that ended meanwhile has no more time to count
				}
			}
			return ticks;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Waits until the port accepts connections.
	 * @return the nanoTime when it first did
	 */
	long awaitPort(int port, long timeoutMillis) throws IOException {
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IOException(this.name + " exited with " + this.process.exitValue() + ": " + tail());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
				return System.nanoTime();
			}
			catch (IOException ex) {
				sleep(5);
			}
		}
		throw new IOException(this.name + " did not listen on " + port + " in " + timeoutMillis + " ms: " + tail());
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
