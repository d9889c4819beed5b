package vn.loa.channels.wordpress.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The simulator checks application passwords itself, as WordPress does, so Spring
 * Security must neither demand a Loa login nor interpret the Basic header as one; there
 * is no browser session, hence no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "loa.channels.wordpress", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class WordPressSimulatorSecurity {

	@Bean
	@Order(21)
	SecurityFilterChain wordPressSimulatorSecurityFilterChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/sandbox/wordpress/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

}
