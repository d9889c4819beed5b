package vn.loa.channels.sms;

import java.io.PrintStream;
import java.util.Map;

import vn.loa.bench.Benchmark;

/**
 * {@code java -jar target/loa.jar bench broadcast [--recipients=N] [--rate=10]}: see
 * {@link BroadcastBenchmark}.
 */
class SmsBroadcastBenchmark implements Benchmark {

	private final BroadcastBenchmark benchmark;

	SmsBroadcastBenchmark(BroadcastBenchmark benchmark) {
		this.benchmark = benchmark;
	}

	@Override
	public String name() {
		return "broadcast";
	}

	@Override
	public void run(Map<String, String> options, PrintStream out) throws Exception {
		int recipients = Integer.parseInt(options.getOrDefault("recipients", "1000000"));
		Double rate = options.containsKey("rate") ? Double.valueOf(options.get("rate")) : null;
		int code = this.benchmark.run(recipients, rate, out);
		if (code != 0) {
			throw new IllegalStateException("broadcast benchmark counted lost or duplicated messages");
		}
	}

}
