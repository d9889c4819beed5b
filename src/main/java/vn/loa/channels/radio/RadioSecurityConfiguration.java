package vn.loa.channels.radio;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stations authenticate with their own station token, checked by the radio controller
 * against the station named in the URL; user logins and CSRF protection do not apply to
 * them. This chain runs before the console/API chain and only for the station paths.
 */
@Configuration(proxyBeanMethods = false)
class RadioSecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain radioStationChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/feeds/radio/**", "/api/v1/stations/*/aired")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
