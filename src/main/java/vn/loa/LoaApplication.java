package vn.loa;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LoaApplication {

	/**
	 * The JVM options the operations manual gives every production node: a 256 MB heap,
	 * and the C heap given back to the system every second (glibc keeps what the JIT
	 * compilers' bursts freed otherwise). With {@link #MALLOC_ARENA_MAX} in the
	 * environment: at most two C heap arenas instead of eight per core.
	 */
	static final List<String> NODE_OPTIONS = List.of("-Xmx256m", "-XX:TrimNativeHeapInterval=1000");

	static final String MALLOC_ARENA_MAX = "2";

	public static void main(String[] args) throws Exception {
		if (isBench(args) && shouldRelaunchWithBoundedHeap()) {
			System.exit(relaunchWithBoundedHeap(args));
		}
		if (isBench(args) && !vn.loa.bench.BenchDatabase.prepare(args, System.getenv(), System.out)) {
			System.exit(2);
		}
		SpringApplication.run(LoaApplication.class, benchArguments(args));
	}

	private static boolean isBench(String[] args) {
		return args.length >= 2 && args[0].equals("bench");
	}

	/**
	 * A benchmark measures Loa's memory as well as its speed, so it runs with the
	 * settings of a production node ({@link #NODE_OPTIONS}, {@link #MALLOC_ARENA_MAX})
	 * rather than the JVM's defaults for the machine: it starts itself again with those
	 * the command line left out.
	 */
	private static boolean shouldRelaunchWithBoundedHeap() {
		String classPath = System.getProperty("java.class.path", "");
		return (!missingOptions().isEmpty() || System.getenv("MALLOC_ARENA_MAX") == null) && classPath.endsWith(".jar")
				&& !classPath.contains(java.io.File.pathSeparator);
	}

	/** The node options the command line did not choose (a heap of its own counts). */
	private static List<String> missingOptions() {
		List<String> given = ManagementFactory.getRuntimeMXBean().getInputArguments();
		List<String> missing = new ArrayList<>();
		for (String option : NODE_OPTIONS) {
			String name = option.startsWith("-Xmx") ? "-Xmx" : option.substring(0, option.indexOf('=') + 1);
			boolean chosen = given.stream()
				.anyMatch((a) -> a.startsWith(name)
						|| (name.equals("-Xmx") && (a.startsWith("-XX:MaxRAM") || a.startsWith("-XX:MaxHeapSize"))));
			if (!chosen) {
				missing.add(option);
			}
		}
		return missing;
	}

	private static int relaunchWithBoundedHeap(String[] args) throws Exception {
		String javaCommand = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(javaCommand));
		// The caller's own JVM options go along (JDK_JAVA_OPTIONS reach the child
		// anyway).
		command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		List<String> missing = missingOptions();
		command.addAll(missing);
		command.addAll(List.of("-jar", System.getProperty("java.class.path")));
		command.addAll(Arrays.asList(args));
		ProcessBuilder child = new ProcessBuilder(command).inheritIO();
		child.environment().putIfAbsent("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX);
		System.out.println("bench: with the JVM settings of a production node (operations.md): "
				+ String.join(" ", command.subList(1, command.indexOf("-jar"))) + ", MALLOC_ARENA_MAX="
				+ child.environment().get("MALLOC_ARENA_MAX"));
		return child.start().waitFor();
	}

	/**
	 * {@code bench <name> [--k=v ...]} starts Loa with the benchmark named, as the
	 * {@code bench} profile (the local PostgreSQL unless told otherwise).
	 */
	static String[] benchArguments(String[] args) {
		if (args.length < 2 || !args[0].equals("bench")) {
			return args;
		}
		List<String> result = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
		result.add("--loa.bench.name=" + args[1]);
		if (result.stream().noneMatch(a -> a.startsWith("--spring.profiles.active"))) {
			result.add("--spring.profiles.active=postgres,bench");
		}
		return result.toArray(String[]::new);
	}

}
