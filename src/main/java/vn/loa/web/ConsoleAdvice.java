package vn.loa.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.loa.common.ConsolePage;
import vn.loa.common.DemoProperties;
import vn.loa.common.FormProblems;
import vn.loa.common.ProblemMessages;

/**
 * What every console page shares: who is logged in, and errors shown as pages rather than
 * the API's JSON problem details. It runs before the API's advice, which covers all of
 * Loa. It applies to this module's controllers and to console controllers elsewhere that
 * say so with {@link ConsolePage} (a package would also take in that package's API
 * controllers, whose errors must stay JSON).
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class, annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

	// a provider, because web-layer test slices load this advice without the properties
	// beans
	private final ObjectProvider<DemoProperties> demo;

	private final MessageSource messages;

	ConsoleAdvice(ObjectProvider<DemoProperties> demo, MessageSource messages) {
		this.demo = demo;
		this.messages = messages;
	}

	@ModelAttribute("me")
	ConsoleUser me(Authentication authentication) {
		return ConsoleUser.of(authentication);
	}

	/** The request path, so the navigation can mark the current section. */
	@ModelAttribute("path")
	String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@ModelAttribute("demo")
	boolean demo() {
		DemoProperties properties = this.demo.getIfAvailable();
		return properties != null && properties.enabled();
	}

	@ExceptionHandler(AccessDeniedException.class)
	String forbidden(Model model, Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("me", ConsoleUser.of(authentication));
		model.addAttribute("path", path(request));
		model.addAttribute("status", 403);
		model.addAttribute("messageKey", "error.forbidden");
		return "console/error";
	}

	/** A hand-edited address, e.g. an unknown state in a filter. */
	@ExceptionHandler(TypeMismatchException.class)
	String badParameter(Model model, Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("me", ConsoleUser.of(authentication));
		model.addAttribute("path", path(request));
		model.addAttribute("status", 400);
		model.addAttribute("messageKey", "error.refused");
		return "console/error";
	}

	@ExceptionHandler(ErrorResponseException.class)
	String problem(ErrorResponseException ex, Model model, Authentication authentication, HttpServletRequest request,
			HttpServletResponse response, Locale locale) {
		response.setStatus(ex.getStatusCode().value());
		model.addAttribute("me", ConsoleUser.of(authentication));
		model.addAttribute("path", path(request));
		model.addAttribute("status", ex.getStatusCode().value());
		model.addAttribute("detail", ProblemMessages.detail(ex, this.messages, locale));
		model.addAttribute("messageKey", (ex.getStatusCode().value() == 404) ? "error.notFound" : "error.refused");
		return "console/error";
	}

	/** Puts a service's problem on the form; see {@link FormProblems}. */
	static void reject(ErrorResponseException ex, BindingResult binding, Map<String, String> fieldAliases) {
		FormProblems.reject(ex, binding, fieldAliases, "problem.");
	}

}
