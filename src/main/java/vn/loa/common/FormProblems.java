package vn.loa.common;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;

/**
 * Puts a service's problem detail on a console form, so that the officer sees each error
 * next to the field it names and keeps what they typed.
 */
public final class FormProblems {

	private FormProblems() {
	}

	/**
	 * Each {@code errors[].field} goes next to its form field (the part before any index
	 * or dot, e.g. {@code targets[0].channel} → targets, renamed by
	 * {@code fieldAliases}), with the message code {@code codePrefix + field}; errors
	 * naming no field of the form, and a problem without errors, go over the form. The
	 * code's {0} is the service's message in the reader's language when the problem
	 * carries a message code (see {@link Problems}), its English message otherwise; a
	 * form without such a code shows that message as it is.
	 */
	public static void reject(ErrorResponseException ex, BindingResult binding, Map<String, String> fieldAliases,
			String codePrefix) {
		ProblemDetail problem = ex.getBody();
		Map<String, Object> properties = problem.getProperties();
		Object errors = (properties != null) ? properties.get("errors") : null;
		if (errors instanceof List<?> list && !list.isEmpty()) {
			boolean single = list.size() == 1;
			for (Object error : list) {
				if (error instanceof Map<?, ?> map) {
					String field = rootField(String.valueOf(map.get("field")));
					String formField = fieldAliases.getOrDefault(field, field);
					String message = String.valueOf(map.get("message"));
					// a problem's own code speaks for its one field; several errors keep
					// their messages
					MessageSourceResolvable text = single ? ProblemMessages.detail(ex)
							: ProblemMessages.text(null, null, message);
					if (single && ex.getDetailMessageCode() != null
							&& ex.getDetailMessageCode().startsWith("problem.invalid.")) {
						text = ProblemMessages.text(ex.getDetailMessageCode(), ex.getDetailMessageArguments(), message);
					}
					if (binding.getTarget() != null && hasProperty(binding, formField)) {
						binding.rejectValue(formField, codePrefix + formField, new Object[] { text }, "{0}");
					}
					else {
						binding.reject("problem", new Object[] { text }, "{0}");
					}
				}
			}
			return;
		}
		binding.reject("problem", new Object[] { ProblemMessages.detail(ex) }, "{0}");
	}

	/** The part of a field path before any index or dot. */
	public static String rootField(String path) {
		int end = path.length();
		int bracket = path.indexOf('[');
		int dot = path.indexOf('.');
		if (bracket >= 0) {
			end = Math.min(end, bracket);
		}
		if (dot >= 0) {
			end = Math.min(end, dot);
		}
		return path.substring(0, end);
	}

	private static boolean hasProperty(BindingResult binding, String field) {
		try {
			return binding.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
