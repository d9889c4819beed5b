package vn.loa.channels.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import vn.loa.rendering.ShortLinks;

/**
 * Short links ({@code /s/{code}}, answered by {@link PortalController}) are public and
 * stateless, like the portal they lead to.
 */
@Configuration(proxyBeanMethods = false)
class ShortLinkSecurity {

	@Bean
	@Order(20)
	SecurityFilterChain shortLinks(HttpSecurity http) throws Exception {
		return http.securityMatcher(ShortLinks.PREFIX + "**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.build();
	}

}
