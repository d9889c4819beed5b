package vn.loa.bench;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param name the benchmark to run, set by {@code java -jar loa.jar bench <name>}
 */
@ConfigurationProperties("loa.bench")
record BenchProperties(String name) {
}
