package vn.loa.users;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.common.Problems;

@RestController
class UsersController {

	private final UserAccounts accounts;

	private final LoginThrottle throttle;

	private final SecurityEvents events;

	private final AccountAdministration administration;

	UsersController(UserAccounts accounts, LoginThrottle throttle, SecurityEvents events,
			AccountAdministration administration) {
		this.administration = administration;
		this.accounts = accounts;
		this.throttle = throttle;
		this.events = events;
	}

	/** The one call an account with a password from the environment may make first. */
	@PostMapping("/api/v1/me/password")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange change, Principal principal) {
		this.accounts.changePassword(principal.getName(), change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	/** Lifts a lock left by repeated failed logins. */
	@PostMapping("/api/v1/users/{username}/unlock")
	@PreAuthorize("hasRole('ADMIN')")
	UserAccounts.UserView unlock(@PathVariable String username, Principal principal) {
		UserAccounts.UserView user = this.accounts.find(username)
			.orElseThrow(() -> Problems.notFound("User", username));
		this.throttle.unlock(username, principal.getName());
		return this.accounts.find(user.username()).orElseThrow();
	}

	/** Lifts the block on a client address that failed too many logins. */
	@PostMapping("/api/v1/users/login-blocks/unblock")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> unblockAddress(@RequestBody AddressRequest request, Principal principal) {
		if (request == null || request.address() == null || request.address().isBlank()) {
			throw Problems.invalid("address", "must name a client address");
		}
		boolean unblocked = this.throttle.unblockAddress(request.address().strip(), principal.getName());
		return Map.of("address", request.address().strip(), "unblocked", unblocked);
	}

	/** Locks, blocked addresses, unlocks and password changes, newest first. */
	@GetMapping("/api/v1/users/security-events")
	@PreAuthorize("hasRole('ADMIN')")
	List<SecurityEvents.SecurityEvent> securityEvents(@RequestParam(defaultValue = "100") int limit) {
		return this.events.latest(limit);
	}

	@GetMapping("/api/v1/me")
	UserAccounts.UserView me(Principal principal) {
		return this.accounts.find(principal.getName())
			.orElseThrow(() -> Problems.notFound("User", principal.getName()));
	}

	@PostMapping("/api/v1/me/tokens")
	ResponseEntity<UserAccounts.IssuedToken> issueToken(@RequestBody(required = false) TokenRequest request,
			Principal principal) {
		String name = (request != null) ? request.name() : null;
		return ResponseEntity.status(201).body(this.accounts.issueToken(principal.getName(), name));
	}

	/** The caller's tokens by prefix, newest first (never the tokens themselves). */
	@GetMapping("/api/v1/me/tokens")
	List<AccountAdministration.TokenView> tokens(Principal principal) {
		return this.administration.tokens(principal.getName());
	}

	@DeleteMapping("/api/v1/me/tokens/{id}")
	ResponseEntity<Void> revokeToken(@PathVariable long id, Principal principal) {
		this.administration.revokeToken(principal.getName(), id, principal.getName(), false);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/users/{username}/tokens/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> revokeUsersToken(@PathVariable String username, @PathVariable long id, Principal principal) {
		this.administration.revokeToken(username, id, principal.getName(), true);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/me/tokens")
	Map<String, Integer> revokeTokens(Principal principal) {
		return Map.of("revoked", this.accounts.revokeTokens(principal.getName()));
	}

	@GetMapping("/api/v1/users")
	@PreAuthorize("hasRole('ADMIN')")
	List<UserAccounts.UserView> list() {
		return this.accounts.list();
	}

	@PostMapping("/api/v1/users")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<UserAccounts.UserView> create(@Valid @RequestBody NewUser user) {
		UserAccounts.UserView created = this.accounts.create(user.username(), user.displayName(), user.password(),
				user.roles());
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
	}

	record TokenRequest(String name) {
	}

	record PasswordChange(String currentPassword, String newPassword) {

		@Override
		public String toString() {
			return "PasswordChange[hidden]";
		}

	}

	record AddressRequest(String address) {
	}

	record NewUser(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String displayName,
			@NotBlank String password, @NotEmpty Set<Role> roles) {
	}

}
