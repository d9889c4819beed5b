package vn.loa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the Debian {@code wrk} load generator and reads its summary. A Lua script adds the
 * request headers, optionally paces each connection (wrk's {@code delay()} hook), and
 * counts answers whose status is not the expected one, since wrk itself only counts
 * statuses outside 2xx/3xx.
 */
final class WrkRun {

	private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+([0-9.]+)(us|ms|s)\\b");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static final Pattern UNEXPECTED = Pattern.compile("unexpected=(\\d+)");

	private WrkRun() {
	}

	record Result(double requestsPerSecond, double p99Millis, long errors, String output) {
	}

	static Result run(String url, Map<String, String> headers, int expectedStatus, int threads, int connections,
			Duration duration, int delayMillis) throws IOException, InterruptedException {
		Path script = Files.createTempFile("loa-wrk-", ".lua");
		try {
			Files.writeString(script, lua(headers, expectedStatus, delayMillis), StandardCharsets.UTF_8);
			List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
					"-d" + duration.toSeconds() + "s", "--latency", "--timeout", "5s", "-s", script.toString(), url));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("wrk failed:\n" + output);
			}
			return parse(output);
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

	static Result parse(String output) {
		Matcher rps = RPS.matcher(output);
		if (!rps.find()) {
			throw new IllegalStateException("No Requests/sec in wrk output:\n" + output);
		}
		double p99 = Double.NaN;
		Matcher latency = P99.matcher(output);
		if (latency.find()) {
			double value = Double.parseDouble(latency.group(1));
			p99 = switch (latency.group(2)) {
				case "us" -> value / 1000;
				case "s" -> value * 1000;
				default -> value;
			};
		}
		// Socket errors plus answers with another status than expected (which includes
		// wrk's own "Non-2xx or 3xx" count).
		long errors = 0;
		Matcher socket = SOCKET_ERRORS.matcher(output);
		if (socket.find()) {
			for (int i = 1; i <= 4; i++) {
				errors += Long.parseLong(socket.group(i));
			}
		}
		Matcher unexpected = UNEXPECTED.matcher(output);
		while (unexpected.find()) {
			errors += Long.parseLong(unexpected.group(1));
		}
		return new Result(Double.parseDouble(rps.group(1)), p99, errors, output);
	}

	private static String lua(Map<String, String> headers, int expectedStatus, int delayMillis) {
		StringBuilder lua = new StringBuilder();
		headers.forEach((name, value) -> lua.append("wrk.headers[\"")
			.append(name)
			.append("\"] = \"")
			.append(value.replace("\\", "\\\\").replace("\"", "\\\""))
			.append("\"\n"));
		// Each wrk thread has its own Lua state; done() sees all of them through setup().
		lua.append("""
				local threads = {}
				function setup(thread)
				  table.insert(threads, thread)
				end
				function init(args)
				  unexpected = 0
				end
				function response(status, headers, body)
				  if status ~= %d then unexpected = unexpected + 1 end
				end
				""".formatted(expectedStatus));
		if (delayMillis > 0) {
			lua.append("function delay()\n  return %d\nend\n".formatted(delayMillis));
		}
		lua.append("""
				function done(summary, latency, requests)
				  for _, thread in ipairs(threads) do
				    io.write("unexpected=" .. thread:get("unexpected") .. "\\n")
				  end
				end
				""");
		return lua.toString();
	}

}
