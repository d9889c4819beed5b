package vn.loa.common;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class CommonConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return LoaClock.system();
	}

	/**
	 * One box for every module that keeps provider secrets, so that all of them are
	 * sealed under the same {@code LOA_SECRET_KEY}.
	 */
	@Bean
	@ConditionalOnMissingBean
	SecretBox secretBox(Environment environment, LoaProperties loa) {
		return SecretBox.from(environment.getProperty("LOA_SECRET_KEY"), loa.dataDir());
	}

}
