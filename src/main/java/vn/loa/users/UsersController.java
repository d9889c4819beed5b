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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.common.Problems;

@RestController
class UsersController {

	private final UserAccounts accounts;

	UsersController(UserAccounts accounts) {
		this.accounts = accounts;
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

	record NewUser(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String displayName,
			@NotBlank String password, @NotEmpty Set<Role> roles) {
	}

}
