package vn.loa.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WrkRunTest {

	@Test
	void readsThroughputLatencyAndErrorsFromWrkOutput() {
		String output = """
				Running 1s test @ http://127.0.0.1:8080/feeds/radio/bench.rss
				  2 threads and 10 connections
				  Thread Stats   Avg      Stdev     Max   +/- Stdev
				    Latency   240.53us  100.20us   2.10ms   85.00%
				    Req/Sec    20.00k     1.00k   22.00k    70.00%
				  Latency Distribution
				     50%  220.00us
				     75%  280.00us
				     90%  350.00us
				     99%    1.60ms
				  40000 requests in 1.00s, 400.00MB read
				  Socket errors: connect 0, read 1, write 0, timeout 0
				  Non-2xx or 3xx responses: 3
				Requests/sec:  39999.50
				Transfer/sec:    400.00MB
				unexpected=2
				unexpected=3
				""";
		WrkRun.Result result = WrkRun.parse(output);
		assertThat(result.requestsPerSecond()).isEqualTo(39999.50);
		assertThat(result.p99Millis()).isEqualTo(1.6);
		assertThat(result.errors()).isEqualTo(6);
	}

	@Test
	void convertsMicrosecondLatencies() {
		WrkRun.Result result = WrkRun.parse("  Latency Distribution\n     99%  600.00us\nRequests/sec:  10.00\n");
		assertThat(result.p99Millis()).isEqualTo(0.6);
		assertThat(result.errors()).isZero();
	}

}
