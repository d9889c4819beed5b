package vn.loa.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the way in. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/console";
	}

	@GetMapping("/login")
	String login() {
		return "console/login";
	}

}
