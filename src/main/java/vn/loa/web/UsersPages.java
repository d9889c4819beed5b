package vn.loa.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.common.ProblemMessages;
import vn.loa.common.Problems;
import vn.loa.units.MemberKind;
import vn.loa.units.Units;
import vn.loa.users.AccountAdministration;
import vn.loa.users.Role;
import vn.loa.users.UserAccounts;

/**
 * Accounts in the console: admins create users, change their roles and unit, disable
 * them, reset passwords (a temporary one, shown once, changed at the next login), unlock
 * them and revoke their API tokens; everyone manages their own tokens on
 * {@code /console/account}. Every change is recorded and shown on the user's page. The
 * admin pages are refused server-side to anyone else.
 */
@Controller
class UsersPages {

	private final UserAccounts accounts;

	private final AccountAdministration administration;

	private final Units units;

	UsersPages(UserAccounts accounts, AccountAdministration administration, Units units) {
		this.accounts = accounts;
		this.administration = administration;
		this.units = units;
	}

	@GetMapping("/console/users")
	@PreAuthorize("hasRole('ADMIN')")
	String list(Model model) {
		model.addAttribute("form", new UserForm());
		return listPage(model);
	}

	@PostMapping("/console/users")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@ModelAttribute("form") UserForm form, BindingResult binding, Authentication admin, Model model,
			RedirectAttributes redirect) {
		try {
			String temporary = this.administration.create(form.getUsername(), form.getDisplayName(), form.roleSet(),
					form.getUnit(), admin.getName());
			redirect.addFlashAttribute("temporaryPassword", temporary);
			redirect.addFlashAttribute("notice", "notice.userCreated");
			return "redirect:/console/users/" + form.getUsername();
		}
		catch (ErrorResponseException ex) {
			ConsoleAdvice.reject(ex, binding, Map.of("password", "username"));
			return listPage(model);
		}
	}

	@GetMapping("/console/users/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	String user(@PathVariable String username, Model model, HttpServletResponse response) {
		UserAccounts.UserView user = this.accounts.find(username)
			.orElseThrow(() -> Problems.notFound("User", username));
		UserForm form = new UserForm();
		form.setRoles(user.roles().stream().map(Role::name).toList());
		form.setUnit(this.units.unitOf(MemberKind.USER, username).map((u) -> u.code()).orElse(""));
		model.addAttribute("user", user);
		model.addAttribute("form", form);
		model.addAttribute("unitsList", this.units.list());
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("tokens", this.administration.tokens(username));
		model.addAttribute("history", this.administration.history(username, 50));
		if (model.containsAttribute("temporaryPassword")) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		}
		return "console/user";
	}

	@PostMapping("/console/users/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable String username, @ModelAttribute("form") UserForm form, Authentication admin,
			RedirectAttributes redirect) {
		return act(username, redirect, "notice.userUpdated", () -> {
			this.administration.changeRoles(username, form.roleSet(), admin.getName());
			this.administration.changeUnit(username, form.getUnit(), admin.getName());
		});
	}

	@PostMapping("/console/users/{username}/enabled")
	@PreAuthorize("hasRole('ADMIN')")
	String enabled(@PathVariable String username, @RequestParam boolean enabled, Authentication admin,
			RedirectAttributes redirect) {
		return act(username, redirect, enabled ? "notice.userEnabled" : "notice.userDisabled",
				() -> this.administration.setEnabled(username, enabled, admin.getName()));
	}

	@PostMapping("/console/users/{username}/password")
	@PreAuthorize("hasRole('ADMIN')")
	String resetPassword(@PathVariable String username, Authentication admin, RedirectAttributes redirect) {
		return act(username, redirect, "notice.passwordReset", () -> redirect.addFlashAttribute("temporaryPassword",
				this.administration.resetPassword(username, admin.getName())));
	}

	@PostMapping("/console/users/{username}/unlock")
	@PreAuthorize("hasRole('ADMIN')")
	String unlock(@PathVariable String username, Authentication admin, RedirectAttributes redirect) {
		return act(username, redirect, "notice.userUnlocked",
				() -> this.administration.unlock(username, admin.getName()));
	}

	@PostMapping("/console/users/{username}/tokens/{id}/revoke")
	@PreAuthorize("hasRole('ADMIN')")
	String revokeUsersToken(@PathVariable String username, @PathVariable long id, Authentication admin,
			RedirectAttributes redirect) {
		return act(username, redirect, "notice.apiTokenRevoked",
				() -> this.administration.revokeToken(username, id, admin.getName(), true));
	}

	/** The officer's own account: API tokens (made, listed by prefix, revoked). */
	@GetMapping("/console/account")
	String account(Authentication me, Model model, HttpServletResponse response) {
		model.addAttribute("user", this.accounts.find(me.getName()).orElse(null));
		model.addAttribute("tokens", this.administration.tokens(me.getName()));
		if (model.containsAttribute("issuedToken")) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		}
		return "console/account";
	}

	@PostMapping("/console/account/tokens")
	String issueToken(@RequestParam(defaultValue = "") String name, Authentication me, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("issuedToken", this.accounts.issueToken(me.getName(), name));
			redirect.addFlashAttribute("notice", "notice.apiTokenIssued");
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("failure", ProblemMessages.detail(ex));
		}
		return "redirect:/console/account";
	}

	@PostMapping("/console/account/tokens/{id}/revoke")
	String revokeOwnToken(@PathVariable long id, Authentication me, RedirectAttributes redirect) {
		try {
			this.administration.revokeToken(me.getName(), id, me.getName(), false);
			redirect.addFlashAttribute("notice", "notice.apiTokenRevoked");
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("failure", ProblemMessages.detail(ex));
		}
		return "redirect:/console/account";
	}

	private String act(String username, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("failure", ProblemMessages.detail(ex));
		}
		return "redirect:/console/users/" + username;
	}

	private String listPage(Model model) {
		List<UserAccounts.UserView> users = this.accounts.list();
		model.addAttribute("users", users);
		model.addAttribute("unitOf", this.units.members(MemberKind.USER));
		model.addAttribute("unitsList", this.units.list());
		model.addAttribute("allRoles", Role.values());
		return "console/users";
	}

}
