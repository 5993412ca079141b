package io.github.h2push.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.h2push.bench.harness.Servers.Server;

/**
 * The heap soak: 1 000 000 requests by default, a fifth of them pushing page loads and
 * the rest on the hint path, with the heap used after a forced GC every 100 000.
 */
final class Soak {

	private static final Pattern USED = Pattern.compile("used (\\d+)K");

	private final Options options;

	private final Workspace workspace;

	private final Servers servers;

	Soak(Options options, Workspace workspace, Servers servers) {
		this.options = options;
		this.workspace = workspace;
		this.servers = servers;
	}

	/** Runs the soak and writes its table; the exit code, 0 when nothing failed. */
	int run() throws Exception {
		Figure.require("h2load");
		Server ours = this.servers.ours("h2-push");
		PushDriver driver = new PushDriver(this.workspace.cert());
		long step = 100_000;
		long pushingPerStep = step / 5;
		long hintedPerStep = step - pushingPerStep;
		long total = this.options.soakRequests();
		List<String> lines = new ArrayList<>();
		lines.add("| requests | pushing page loads | pushes: server pushed / client received / delivered "
				+ "| h2load hint-path requests (failed) | heap used after GC | step took |");
		lines.add("|---:|---:|---:|---:|---:|---:|");
		long pushingDone = 0;
		long hintedDone = 0;
		long serverPushed = 0;
		long promised = 0;
		long delivered = 0;
		long failedLoads = 0;
		long failedHinted = 0;
		Map<String, Long> notPushed = new LinkedHashMap<>();
		List<Long> heaps = new ArrayList<>();
		long before = heapAfterGc(ours);
		lines.add(String.format(Locale.ROOT, "| 0 | 0 | 0 | 0 | %,d KB | |", before));
		System.out.println(lines.get(2));
		while (pushingDone + hintedDone < total) {
			long stepStart = System.nanoTime();
			long done = pushingDone + hintedDone;
			int loads = (int) Math.min(pushingPerStep, total - done);
			// four connections per step, each with its own client
			for (int c = 0; c < 4; c++) {
				int share = loads / 4 + ((c < loads % 4) ? 1 : 0);
				if (share == 0) {
					continue;
				}
				PushDriver.Result result = driver.run(ours.port(), pushingDone, share, P4SustainedPush.IN_FLIGHT);
				pushingDone += result.loads();
				serverPushed += result.serverPushed();
				promised += result.pushesPromised();
				delivered += result.pushesDelivered();
				failedLoads += result.failedLoads();
				result.notPushed().forEach((why, count) -> notPushed.merge(why, count, Long::sum));
			}
			long hinted = Math.min(hintedPerStep, total - done - loads);
			if (hinted > 0) {
				H2load.Run run = H2load.run(ours.url("/hinted"), (int) hinted, 8, 10);
				hintedDone += run.succeeded();
				failedHinted += run.failed();
			}
			if (pushingDone + hintedDone == done) {
				throw new IOException("the soak made no progress in a step: " + failedLoads + " failed page loads, "
						+ failedHinted + " failed hint-path requests");
			}
			long heap = heapAfterGc(ours);
			heaps.add(heap);
			String line = String.format(Locale.ROOT, "| %,d | %,d | %,d / %,d / %,d | %,d (%,d) | %,d KB | %.1f s |",
					pushingDone + hintedDone, pushingDone, serverPushed, promised, delivered, hintedDone, failedHinted,
					heap, (System.nanoTime() - stepStart) / 1e9);
			System.out.println(line);
			lines.add(line);
		}
		String table = String.join("\n", lines);
		long first = heaps.get(0);
		long last = heaps.get(heaps.size() - 1);
		long max = heaps.stream().mapToLong(Long::longValue).max().orElse(0);
		String verdict = String.format(Locale.ROOT,
				"Heap used after a forced GC: %,d KB before, %,d KB after the first 100k requests, %,d KB at the end "
						+ "(%+.1f%% from the first step), highest %,d KB. Pushes expected %,d, server pushed %,d, client received %,d, "
						+ "delivered %,d; failed page loads %d; failed hint-path requests %d%s.",
				before, first, last, (last - first) * 100.0 / first, max, pushingDone * 3, serverPushed, promised,
				delivered, failedLoads, failedHinted, notPushed.isEmpty() ? "" : "; not pushed: " + notPushed);
		System.out.println();
		System.out.println(table);
		System.out.println();
		System.out.println(verdict);
		Path results = this.options.repo().resolve("benchmarks/target/results-soak.md");
		Files.createDirectories(results.getParent());
		Files.writeString(results, table + "\n\n" + verdict + "\n");
		boolean ok = failedLoads == 0 && failedHinted == 0 && delivered == promised;
		return ok ? 0 : 1;
	}

	/** Heap used in KB after {@code jcmd GC.run}, as {@code jcmd GC.heap_info} reports it. */
	private long heapAfterGc(Server server) {
		String pid = Long.toString(server.process().pid());
		Command.run(List.of("jcmd", pid, "GC.run"), 60);
		return parseUsedKb(Command.run(List.of("jcmd", pid, "GC.heap_info"), 60).output());
	}

	private static long parseUsedKb(String text) {
		Matcher matcher = USED.matcher(text.replace(",", ""));
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

}
