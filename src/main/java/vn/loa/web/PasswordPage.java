package vn.loa.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.users.UserAccounts;

/**
 * Changing one's own password. The first admin, whose password came from the environment,
 * is sent here by the security rules until it has done so; anyone may come here.
 */
@Controller
class PasswordPage {

	private final UserAccounts accounts;

	PasswordPage(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/console/password")
	String form(Principal principal, Model model) {
		model.addAttribute("required", this.accounts.mustChangePassword(principal.getName()));
		model.addAttribute("minLength", this.accounts.passwordMinLength());
		return "console/password";
	}

	@PostMapping("/console/password")
	String change(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String repeatPassword,
			Principal principal, Model model, RedirectAttributes redirect) {
		String error = null;
		if (!newPassword.equals(repeatPassword)) {
			error = "password.mismatch";
		}
		else {
			try {
				this.accounts.changePassword(principal.getName(), currentPassword, newPassword);
			}
			catch (ErrorResponseException ex) {
				error = "currentPassword".equals(field(ex)) ? "password.currentWrong"
						: (newPassword.equals(currentPassword) ? "password.same" : "password.tooShort");
			}
		}
		if (error != null) {
			model.addAttribute("required", this.accounts.mustChangePassword(principal.getName()));
			model.addAttribute("error", error);
			model.addAttribute("minLength", this.accounts.passwordMinLength());
			return "console/password";
		}
		redirect.addFlashAttribute("notice", "notice.passwordChanged");
		return "redirect:/console";
	}

	private static String field(ErrorResponseException ex) {
		Map<String, Object> properties = ex.getBody().getProperties();
		if (properties != null && properties.get("errors") instanceof List<?> errors && !errors.isEmpty()
				&& errors.get(0) instanceof Map<?, ?> first) {
			return String.valueOf(first.get("field"));
		}
		return "";
	}

}
