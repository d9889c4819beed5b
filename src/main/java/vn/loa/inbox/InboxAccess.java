package vn.loa.inbox;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Citizens' names, numbers and words are for the officers who answer them: editors and
 * approvers. An admin who holds neither role runs Loa but does not read the inbox.
 */
final class InboxAccess {

	static final String OFFICERS = "hasAnyRole('EDITOR','APPROVER')";

	private InboxAccess() {
	}

	static boolean personalData(Authentication user) {
		if (user == null) {
			return false;
		}
		for (GrantedAuthority authority : user.getAuthorities()) {
			String name = authority.getAuthority();
			if ("ROLE_EDITOR".equals(name) || "ROLE_APPROVER".equals(name)) {
				return true;
			}
		}
		return false;
	}

}
