/**
 * Benchmarks, run from the packaged jar as {@code java -jar target/loa.jar bench <name>
 * [--option=value ...]}. Each measures Loa and a same-run baseline and prints one final
 * line {@code RESULT name=<bench> key=value ...}. Modules add a benchmark by registering
 * a {@link vn.loa.bench.Benchmark} bean.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benchmarks")
package vn.loa.bench;
