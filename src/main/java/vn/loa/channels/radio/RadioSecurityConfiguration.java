package vn.loa.channels.radio;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import vn.loa.audience.Stations;

/**
 * Stations authenticate with their own station token, checked against the station named
 * in the URL; user logins and CSRF protection do not apply to them. Feed polls are
 * answered by {@link RadioFeedFilter} before any other filter; what it passes on meets
 * this chain, which runs before the console/API chain and only for the station paths.
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

	@Bean
	FilterRegistrationBean<RadioFeedFilter> radioFeedFilter(Stations stations, RadioFeedResponder responder) {
		FilterRegistrationBean<RadioFeedFilter> registration = new FilterRegistrationBean<>(
				new RadioFeedFilter(stations, responder));
		registration.addUrlPatterns(RadioFeedFilter.PREFIX + "*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("radioFeedFilter");
		return registration;
	}

}
