package io.github.h2push.bench.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived client command (nghttp, h2load, jcmd, node) and returns its output.
 */
final class Command {

	private Command() {
	}

	record Result(int exitCode, String output) {
	}

	static Result run(List<String> command, long timeoutSeconds) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			Thread reader = new Thread(() -> {
				try (InputStream in = process.getInputStream()) {
					in.transferTo(output);
				}
				catch (IOException ex) {
					// the process is gone
				}
			});
			reader.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor();
				reader.join(1000);
				return new Result(-1, output.toString(StandardCharsets.UTF_8) + "\n(timed out after "
						+ timeoutSeconds + " s: " + String.join(" ", command) + ")");
			}
			reader.join();
			return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static boolean exists(String program) {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
			if (new java.io.File(dir, program).canExecute()) {
				return true;
			}
		}
		for (String dir : List.of("/usr/sbin", "/sbin")) {
			if (new java.io.File(dir, program).canExecute()) {
				return true;
			}
		}
		return false;
	}

}
