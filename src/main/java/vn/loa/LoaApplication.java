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

	public static void main(String[] args) {
		SpringApplication.run(LoaApplication.class, benchArguments(args));
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
