package vn.loa.users;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an account whose password came from the environment (the first admin) to one
 * thing until it has changed it: the console sends it to the change-password page, the
 * API answers a problem that says how to change it. Asked of the database on each
 * request, so a change on one node of a cluster counts on all.
 */
class PasswordChangeFilter extends OncePerRequestFilter {

	static final String CONSOLE_PAGE = "/console/password";

	static final String API_PATH = "/api/v1/me/password";

	private final UserAccounts accounts;

	PasswordChangeFilter(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean guarded = path.equals("/") || path.equals("/console") || path.startsWith("/console/")
				|| path.startsWith("/api/");
		return !guarded || path.equals(CONSOLE_PAGE) || path.equals(API_PATH)
				|| (path.equals("/api/v1/me") && "GET".equals(request.getMethod()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken
				|| !this.accounts.mustChangePassword(authentication.getName())) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"https://loa.local/problems/password-change-required\","
						+ "\"title\":\"Password change required\",\"status\":403,"
						+ "\"detail\":\"The password of this account came from the environment and must be changed "
						+ "before anything else: POST " + API_PATH
						+ " with {\\\"currentPassword\\\": ..., \\\"newPassword\\\": ...}\"}");
			return;
		}
		response.sendRedirect(request.getContextPath() + CONSOLE_PAGE);
	}

}
