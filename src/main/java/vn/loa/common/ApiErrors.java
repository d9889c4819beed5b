package vn.loa.common;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.DatabindException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every API error into an RFC 9457 problem detail. Invalid input lists each
 * offending field under {@code errors} so the caller knows what to fix.
 */
@RestControllerAdvice(basePackages = "vn.loa")
class ApiErrors extends ResponseEntityExceptionHandler {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	/**
	 * The API answers in English, as the services wrote it, unless the caller asks for
	 * Vietnamese with {@code Accept-Language: vi}: then the problem's message code is
	 * resolved in {@code messages.properties}. (The console's cookie does not decide an
	 * API caller's language.)
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null && ex instanceof ErrorResponse errorResponse) {
			body = asksForVietnamese(request) && getMessageSource() != null
					? errorResponse.updateAndGetBody(getMessageSource(), VIETNAMESE) : errorResponse.getBody();
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static boolean asksForVietnamese(WebRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(accept);
			Locale best = Locale.lookup(ranges, List.of(VIETNAMESE, Locale.ENGLISH));
			return best != null && "vi".equals(best.getLanguage());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
			.toList();
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> e.getField() + ": " + e.getDefaultMessage())
			.collect(Collectors.joining("; "));
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", detail, errors);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(r -> r.getResolvableErrors()
				.stream()
				.map(e -> Map.of("field",
						(e instanceof FieldError fe) ? fe.getField() : r.getMethodParameter().getParameterName(),
						"message", String.valueOf(e.getDefaultMessage()))))
			.toList();
		String detail = errors.stream()
			.map(e -> e.get("field") + ": " + e.get("message"))
			.collect(Collectors.joining("; "));
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", detail, errors);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = fieldOf(ex);
		String detail = (field != null) ? field + ": has a value of the wrong type or format"
				: "The request body is not valid JSON";
		List<Map<String, String>> errors = (field != null)
				? List.of(Map.of("field", field, "message", "wrong type or format")) : List.of();
		return problem(HttpStatus.BAD_REQUEST, "Malformed request", detail, errors);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this action", List.of());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict", "The change conflicts with existing data", List.of());
	}

	private static String fieldOf(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				return databind.getPath()
					.stream()
					.map(ref -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
					.collect(Collectors.joining("."))
					.replace(".[", "[");
			}
			cause = cause.getCause();
		}
		return null;
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail,
			List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).body(problem);
	}

}
