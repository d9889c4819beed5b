package vn.loa.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the benchmark named on the command line once Loa has started, then stops Loa with
 * the benchmark's exit code.
 */
@Component
@Order(100)
@ConditionalOnProperty("loa.bench.name")
class BenchCommand implements ApplicationRunner {

	private final List<Benchmark> benchmarks;

	private final ConfigurableApplicationContext context;

	private final BenchProperties properties;

	BenchCommand(List<Benchmark> benchmarks, ConfigurableApplicationContext context, BenchProperties properties) {
		this.benchmarks = benchmarks;
		this.context = context;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		PrintStream out = System.out;
		Benchmark benchmark = this.benchmarks.stream()
			.filter(b -> b.name().equals(this.properties.name()))
			.findFirst()
			.orElse(null);
		int code;
		if (benchmark == null) {
			out.println("Unknown benchmark '" + this.properties.name() + "'; known: "
					+ this.benchmarks.stream().map(Benchmark::name).sorted().toList());
			code = 2;
		}
		else {
			Map<String, String> options = new LinkedHashMap<>();
			for (String name : args.getOptionNames()) {
				List<String> values = args.getOptionValues(name);
				options.put(name, (values == null || values.isEmpty()) ? "true" : values.get(values.size() - 1));
			}
			try {
				benchmark.run(options, out);
				code = 0;
			}
			catch (BenchTools.MissingTool ex) {
				out.println(ex.getMessage());
				code = 2;
			}
			catch (Exception ex) {
				out.println("Benchmark " + benchmark.name() + " failed: " + ex);
				ex.printStackTrace(out);
				code = 1;
			}
		}
		out.flush();
		int exit = code;
		System.exit(SpringApplication.exit(this.context, (ExitCodeGenerator) () -> exit));
	}

}
