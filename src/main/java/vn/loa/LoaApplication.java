package vn.loa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LoaApplication {

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
	 * A benchmark measures Loa's memory as well as its speed, so it runs with a bounded
	 * heap (256 MB) rather than the JVM's default share of the machine, unless the caller
	 * chose one.
	 */
	private static boolean shouldRelaunchWithBoundedHeap() {
		boolean heapChosen = java.lang.management.ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxRAM"));
		String classPath = System.getProperty("java.class.path", "");
		return !heapChosen && classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator);
	}

	private static int relaunchWithBoundedHeap(String[] args) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(
				List.of(java, "-Xmx256m", "-jar", System.getProperty("java.class.path")));
		command.addAll(Arrays.asList(args));
		return new ProcessBuilder(command).inheritIO().start().waitFor();
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
