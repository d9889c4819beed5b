package vn.loa.channels.webhook;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sandbox receiver authenticates each POST by its HMAC signature, like a partner site
 * would; there is no login and no browser session, hence no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "loa.channels.webhook", name = "mode", havingValue = "sandbox", matchIfMissing = true)
class WebhookReceiverSecurity {

	@Bean
	@Order(22)
	SecurityFilterChain webhookReceiverSecurityFilterChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/sandbox/webhook/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

}
