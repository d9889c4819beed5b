package vn.loa.common;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Builds the errors Loa answers with. Each is an RFC 9457 problem detail; invalid input
 * names the field in {@code errors[].field} so a form can point at it.
 * <p>
 * The English detail is what the API sends by default. Each problem also carries a
 * message code ({@code problem.<type>}, or {@code problem.invalid.<code>} for a field)
 * and its arguments, so the console and a caller asking for Vietnamese get the text from
 * {@code messages.properties} instead (see {@link ProblemMessages}). Arguments that are
 * {@link MessageSourceResolvable}s (see {@link #term}) are translated too.
 */
public final class Problems {

	private static final String TYPE_BASE = "https://loa.local/problems/";

	private Problems() {
	}

	/**
	 * A word the message bundle translates, e.g.
	 * {@code term("entity.Content", "Content")}.
	 */
	public static MessageSourceResolvable term(String code, String english) {
		return new DefaultMessageSourceResolvable(new String[] { code }, english);
	}

	/**
	 * {@code what} names the kind of thing (Content, Station …); the bundle says it as
	 * {@code entity.<what>}.
	 */
	public static ErrorResponseException notFound(String what, Object id) {
		return problem(HttpStatus.NOT_FOUND, "not-found", what + " not found", what + " " + id + " does not exist",
				Map.of(), "problem.not-found", term("entity." + what.replace(' ', '-'), what), String.valueOf(id));
	}

	/** A refused field whose message only English readers see word for word. */
	public static ErrorResponseException invalid(String field, String message) {
		return invalid(field, message, null);
	}

	/**
	 * A refused field with a message code ({@code problem.invalid.<code>}; the field name
	 * when {@code code} is null) and its arguments for the translated text.
	 */
	public static ErrorResponseException invalid(String field, String message, String code, Object... arguments) {
		String key = "problem.invalid." + ((code != null) ? code : FormProblems.rootField(field));
		Object[] args = (arguments.length > 0) ? arguments : new Object[] { message };
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", field + ": " + message,
				Map.of("errors", List.of(Map.of("field", field, "message", message))), key, args);
	}

	/**
	 * The bundle's {@code problem.<type>} says it in Vietnamese with {@code arguments}.
	 */
	public static ErrorResponseException conflict(String type, String detail, Object... arguments) {
		return problem(HttpStatus.CONFLICT, type, "Conflict", detail, Map.of(), "problem." + type, arguments);
	}

	/**
	 * The bundle's {@code problem.<type>} says it in Vietnamese with {@code arguments}.
	 */
	public static ErrorResponseException forbidden(String type, String detail, Object... arguments) {
		return problem(HttpStatus.FORBIDDEN, type, "Forbidden", detail, Map.of(), "problem." + type, arguments);
	}

	public static ErrorResponseException problem(HttpStatus status, String type, String title, String detail,
			Map<String, Object> properties) {
		return problem(status, type, title, detail, properties, "problem." + type);
	}

	public static ErrorResponseException problem(HttpStatus status, String type, String title, String detail,
			Map<String, Object> properties, String messageCode, Object... arguments) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		properties.forEach(problem::setProperty);
		return new ErrorResponseException(status, problem, null, messageCode, arguments);
	}

}
