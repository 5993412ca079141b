import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads the files StartupSteps wrote ({@code <variant>.<start>.txt}; start 0 is not
 * counted) and prints, for each variant, the median of each line in milliseconds: the
 * whole run first, then the steps whose own time the first variant exceeds the second by most.
 */
public class Summary {

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		List<String> variants = List.of(args).subList(1, args.length);
		int top = Integer.getInteger("top", 40);
		Map<String, List<Map<String, Long>>> starts = new LinkedHashMap<>();
		for (String variant : variants) {
			List<Map<String, Long>> files = new ArrayList<>();
			try (Stream<Path> paths = Files.list(dir)) {
				for (Path path : paths.filter((p) -> p.getFileName().toString().startsWith(variant + ".")
						&& p.getFileName().toString().endsWith(".txt")
						&& !p.getFileName().toString().equals(variant + ".0.txt")).toList()) {
					Map<String, Long> values = new HashMap<>();
					for (String line : Files.readAllLines(path)) {
						int space = line.lastIndexOf(' ');
						values.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
					}
					files.add(values);
				}
			}
			starts.put(variant, files);
		}
		TreeSet<String> names = new TreeSet<>();
		starts.values().forEach((files) -> files.forEach((values) -> names.addAll(values.keySet())));
		Map<String, double[]> medians = new HashMap<>();
		for (String name : names) {
			double[] row = new double[variants.size()];
			for (int i = 0; i < variants.size(); i++) {
				row[i] = median(starts.get(variants.get(i)), name) / 1000.0;
			}
			medians.put(name, row);
		}
		StringBuilder header = new StringBuilder(String.format("%-100s", "median ms of " + starts.values()
			.stream()
			.map((files) -> String.valueOf(files.size()))
			.toList() + " starts"));
		variants.forEach((variant) -> header.append(String.format("%15s", variant)));
		System.out.println(header);
		print("run", medians);
		print("since-jvm-start", medians);
		names.stream()
			.filter((name) -> name.startsWith("step "))
			.sorted(Comparator.comparingDouble((String name) -> medians.get(name)[1] - medians.get(name)[0]))
			.limit(top)
			.forEach((name) -> print(name, medians));
	}

	private static void print(String name, Map<String, double[]> medians) {
		StringBuilder line = new StringBuilder(String.format("%-100.100s", name));
		for (double value : medians.get(name)) {
			line.append(String.format("%15.1f", value));
		}
		System.out.println(line);
	}

	private static double median(List<Map<String, Long>> files, String name) {
		double[] values = files.stream().mapToDouble((start) -> start.getOrDefault(name, 0L)).sorted().toArray();
		if (values.length == 0) {
			return Double.NaN;
		}
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

}
