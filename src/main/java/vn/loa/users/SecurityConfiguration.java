package vn.loa.users;

import java.io.IOException;
import java.time.Duration;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may reach what. The API takes HTTP Basic or a personal token as Bearer and answers
 * 401 as a problem detail; the console uses form login; the portal, feeds (which check
 * their own station tokens), provider webhooks (which verify the provider's signature)
 * and the sandbox simulators are open.
 * <p>
 * CSRF: an API call that carries its own credentials in an {@code Authorization} header
 * cannot be forged by another site (a browser only sends such a header by itself for
 * Basic credentials the user typed into its own dialog), so it needs no CSRF token. An
 * API call that rides on the console's session cookie does need one, as the console's own
 * scripts send: otherwise any page an approver visits could approve content with a
 * body-less cross-site {@code POST}.
 * <p>
 * Password logins, form and Basic alike, go through {@link LoginThrottle}; an account
 * whose password came from the environment is held by {@link PasswordChangeFilter} until
 * it has changed it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String[] OPEN = { "/portal", "/portal/**", "/media/**", "/feeds/**", "/webhooks/**",
			"/sandbox/**", "/2010-04-01/**", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**",
			"/swagger-ui/**", "/swagger-ui.html", "/login", "/css/**", "/js/**", "/favicon.ico", "/error" };

	private static final String[] MACHINE_POSTS = { "/webhooks/**", "/sandbox/**", "/2010-04-01/**", "/feeds/**" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain loaSecurity(HttpSecurity http, UserAccounts accounts, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, Clock clock) throws Exception {
		RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		RequestMatcher noAmbientAuthority = request -> api.matches(request)
				&& (request.getHeader("Authorization") != null || request.getSession(false) == null);
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(passwordEncoder);
		AuthenticationManager logins = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
		AuthenticationEntryPoint problem = (request, response, ex) -> {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			if (ex instanceof LoginThrottledException throttled) {
				long seconds = Math.max(1,
						(Duration.between(clock.instant(), throttled.retryAt()).toMillis() + 999) / 1000);
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader("Retry-After", Long.toString(seconds));
				response.getWriter()
					.write("{\"type\":\"https://loa.local/problems/login-throttled\",\"title\":\"Too many failed "
							+ "logins\",\"status\":429,\"detail\":\"Too many failed logins for this account or from "
							+ "this address. Try again later, or ask an admin to unlock the account.\"}");
				return;
			}
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setHeader("WWW-Authenticate", "Basic realm=\"Loa\"");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
						+ "\"detail\":\"Log in with HTTP Basic or send a personal API token as Bearer\"}");
		};
		http.authorizeHttpRequests(auth -> auth.requestMatchers(OPEN)
			.permitAll()
			.requestMatchers("/", "/console", "/console/**")
			.authenticated()
			.requestMatchers("/api/**")
			.authenticated()
			.anyRequest()
			.authenticated())
			.authenticationManager(logins)
			.httpBasic(basic -> basic.authenticationEntryPoint(problem))
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/console", false)
				.failureHandler((request, response,
						ex) -> response.sendRedirect(request.getContextPath()
								+ ((ex instanceof LoginThrottledException) ? "/login?locked" : "/login?error")))
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(problem, api))
			.csrf(csrf -> csrf.ignoringRequestMatchers(MACHINE_POSTS).ignoringRequestMatchers(noAmbientAuthority))
			.addFilterBefore(new BearerTokenFilter(accounts), BasicAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeFilter(accounts), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * Authenticates {@code Authorization: Bearer loa_…} personal API tokens on the API.
	 */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		private final UserAccounts accounts;

		BearerTokenFilter(UserAccounts accounts) {
			this.accounts = accounts;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.startsWith("Bearer loa_")) {
				this.accounts.userForToken(header.substring("Bearer ".length()).strip())
					.ifPresent(user -> SecurityContextHolder.getContext()
						.setAuthentication(
								UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
			}
			chain.doFilter(request, response);
		}

	}

}
