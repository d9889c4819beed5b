package vn.loa.channels.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The portal is public and read-only: anyone may read it without a session, and it
 * accepts no writes at all.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

	@Bean
	@Order(20)
	SecurityFilterChain portalSecurityFilterChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/portal", "/portal/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(org.springframework.http.HttpMethod.GET)
				.permitAll()
				.anyRequest()
				.denyAll())
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.sessionManagement((session) -> session
				.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
			.build();
	}

}
