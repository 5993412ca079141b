import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Starts the plain benchmark app with Spring Boot's {@link BufferingApplicationStartup}
 * and writes, to the file named by {@code -Dsteps.out}, the time of the whole run and
 * each step's own time (its duration less its children's), summed by step name and by
 * step name and bean (or post-processor), in microseconds. Then it exits.
 */
public class StartupSteps {

	public static void main(String[] args) throws Exception {
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
		SpringApplication application = new SpringApplication(
				Class.forName("io.github.h2push.bench.plain.PlainApplication"));
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		application.setApplicationStartup(startup);
		long started = System.nanoTime();
		ConfigurableApplicationContext context = application.run(args);
		long ran = System.nanoTime() - started;
		long sinceJvmStart = System.currentTimeMillis() - jvmStart;
		List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
		Map<Long, Long> children = new HashMap<>();
		for (TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				children.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		Map<String, Long> selfTimes = new TreeMap<>();
		for (TimelineEvent event : events) {
			StartupStep step = event.getStartupStep();
			long self = event.getDuration().toNanos() - children.getOrDefault(step.getId(), 0L);
			selfTimes.merge("step " + step.getName(), self, Long::sum);
			for (StartupStep.Tag tag : step.getTags()) {
				if (tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor")) {
					// a post-processor's name is its toString(), often with an identity hash
					String value = tag.getValue().replaceFirst("@[0-9a-f]+$", "");
					selfTimes.merge("step " + step.getName() + " " + tag.getKey() + "=" + value, self, Long::sum);
				}
			}
		}
		StringBuilder out = new StringBuilder();
		out.append("run ").append(ran / 1000).append('\n');
		out.append("since-jvm-start ").append(sinceJvmStart * 1000).append('\n');
		selfTimes.forEach((name, nanos) -> out.append(name).append(' ').append(nanos / 1000).append('\n'));
		Files.writeString(Path.of(System.getProperty("steps.out")), out);
		context.close();
		System.exit(0);
	}

}
