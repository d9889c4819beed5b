package vn.loa.bench;

import java.io.PrintStream;
import java.util.Map;

/** A benchmark a module offers; it runs inside a started Loa (web server included). */
public interface Benchmark {

	String name();

	/**
	 * Runs and prints its report to {@code out}, ending with the {@code RESULT} line.
	 * @param options the {@code --key=value} arguments after the benchmark's name
	 */
	void run(Map<String, String> options, PrintStream out) throws Exception;

}
