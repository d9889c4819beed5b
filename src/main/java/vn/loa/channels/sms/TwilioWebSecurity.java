package vn.loa.channels.sms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Twilio-facing endpoints authenticate by Twilio's own means, not by Loa users: webhooks
 * by {@code X-Twilio-Signature}, the sandbox Messages API by the account's Basic
 * credentials (which Loa's Basic login must not try to read as a user). CSRF does not
 * apply to server-to-server form posts.
 */
@Configuration(proxyBeanMethods = false)
class TwilioWebSecurity {

	@Bean
	@Order(10)
	SecurityFilterChain twilioEndpoints(HttpSecurity http) throws Exception {
		return http.securityMatcher("/webhooks/twilio/**", "/2010-04-01/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.build();
	}

}
