package vn.loa.bench;

import java.io.PrintStream;
import java.util.Map;

import javax.sql.DataSource;

import vn.loa.channels.sms.SmsBroadcastWorker;
import vn.loa.channels.sms.SmsBroadcasts;
import vn.loa.channels.sms.SmsProperties;
import vn.loa.channels.sms.sandbox.SimulatorFaults;
import vn.loa.channels.sms.sandbox.SimulatorInbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar target/loa.jar bench broadcast [--recipients=N] [--rate=10]}: see
 * {@link BroadcastBenchmark}.
 */
@Component
@ConditionalOnProperty(prefix = "loa.channels.sms", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class SmsBroadcastBenchmark implements Benchmark {

	private final BroadcastBenchmark benchmark;

	SmsBroadcastBenchmark(DataSource dataSource, JdbcTemplate jdbc, SmsBroadcasts broadcasts, SmsBroadcastWorker worker,
			SimulatorInbox inbox, SimulatorFaults faults, SmsProperties properties) {
		this.benchmark = new BroadcastBenchmark(dataSource, jdbc, broadcasts, worker, inbox, faults, properties);
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
