package vn.loa.channels.zalo.zns.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The simulated ZNS API authenticates by Zalo's own means (the {@code access_token}
 * header the simulator checks), not by Loa users, as the Twilio simulator's does: a
 * stateless chain with no login, session, CSRF or saved request, so a broadcast's
 * messages to the simulator do not each pass Loa's console filters.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "loa.channels.zalo-zns", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class ZnsSimulatorSecurity {

	@Bean
	@Order(11)
	SecurityFilterChain znsSimulatorEndpoints(HttpSecurity http) throws Exception {
		return http.securityMatcher("/sandbox/zalo/business/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.build();
	}

}
