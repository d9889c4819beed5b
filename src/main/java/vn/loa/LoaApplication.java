package vn.loa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LoaApplication {

	public static void main(String[] args) {
		SpringApplication.run(LoaApplication.class, args);
	}

}
