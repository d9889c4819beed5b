package vn.loa.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import vn.loa.publishing.PublicationService;

/**
 * The logged-in officer as the views see them: what to show is decided from the roles,
 * and the services refuse whatever the roles do not allow anyway.
 */
record ConsoleUser(String name, boolean editor, boolean approver, boolean admin) {

	static final ConsoleUser ANONYMOUS = new ConsoleUser(null, false, false, false);

	static ConsoleUser of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getPrincipal())) {
			return ANONYMOUS;
		}
		boolean editor = has(authentication, "ROLE_EDITOR");
		boolean approver = has(authentication, "ROLE_APPROVER");
		boolean admin = has(authentication, "ROLE_ADMIN");
		return new ConsoleUser(authentication.getName(), editor || approver || admin, approver || admin, admin);
	}

	public boolean loggedIn() {
		return this.name != null;
	}

	/** Whether this officer may approve what {@code author} wrote or made. */
	public boolean mayApprove(String... authors) {
		if (!this.approver) {
			return false;
		}
		for (String author : authors) {
			if (this.name.equals(author)) {
				return false;
			}
		}
		return true;
	}

	PublicationService.Actor actor() {
		return new PublicationService.Actor(this.name, this.approver, this.admin);
	}

	private static boolean has(Authentication authentication, String authority) {
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
