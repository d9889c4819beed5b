package vn.loa.common;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommonConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return LoaClock.system();
	}

}
