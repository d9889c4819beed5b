package vn.loa.common;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Builds the errors Loa answers with. Each is an RFC 9457 problem detail; invalid input
 * names the field in {@code errors[].field} so a form can point at it.
 */
public final class Problems {

	private static final String TYPE_BASE = "https://loa.local/problems/";

	private Problems() {
	}

	public static ErrorResponseException notFound(String what, Object id) {
		return problem(HttpStatus.NOT_FOUND, "not-found", what + " not found", what + " " + id + " does not exist",
				Map.of());
	}

	public static ErrorResponseException invalid(String field, String message) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", field + ": " + message,
				Map.of("errors", List.of(Map.of("field", field, "message", message))));
	}

	public static ErrorResponseException conflict(String type, String detail) {
		return problem(HttpStatus.CONFLICT, type, "Conflict", detail, Map.of());
	}

	public static ErrorResponseException forbidden(String type, String detail) {
		return problem(HttpStatus.FORBIDDEN, type, "Forbidden", detail, Map.of());
	}

	public static ErrorResponseException problem(HttpStatus status, String type, String title, String detail,
			Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		properties.forEach(problem::setProperty);
		return new ErrorResponseException(status, problem, null);
	}

}
