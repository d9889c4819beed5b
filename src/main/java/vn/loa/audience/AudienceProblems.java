package vn.loa.audience;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.loa.common.Problems;

/**
 * Turns the audience API's own exceptions into Loa's problem details, naming the field at
 * fault under {@code errors[].field}.
 */
@RestControllerAdvice(assignableTypes = { SubscriberController.class, SegmentController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class AudienceProblems {

	@ExceptionHandler(InvalidPhoneNumberException.class)
	ResponseEntity<ProblemDetail> invalidPhone(InvalidPhoneNumberException ex) {
		return answer(Problems.invalid("phone", ex.reason()));
	}

	@ExceptionHandler(FieldException.class)
	ResponseEntity<ProblemDetail> invalidField(FieldException ex) {
		return answer(Problems.invalid(ex.field(), ex.getMessage()));
	}

	@ExceptionHandler(SubscriberImportException.class)
	ResponseEntity<ProblemDetail> unreadableFile(SubscriberImportException ex) {
		return answer(Problems.invalid("file", ex.getMessage()));
	}

	@ExceptionHandler(DuplicateSegmentException.class)
	ResponseEntity<ProblemDetail> duplicateSegment(DuplicateSegmentException ex) {
		ErrorResponseException problem = Problems.conflict("segment-exists", ex.getMessage());
		problem.getBody()
			.setProperty("errors", java.util.List.of(java.util.Map.of("field", "name", "message", "is taken")));
		return answer(problem);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> invalidValue(IllegalArgumentException ex) {
		String message = ex.getMessage();
		String field = message.startsWith("area") ? "area" : message.startsWith("topic") ? "topic"
				: message.startsWith("name") ? "name" : message.startsWith("limit") ? "limit" : "request";
		return answer(Problems.invalid(field, message));
	}

	private static ResponseEntity<ProblemDetail> answer(ErrorResponseException problem) {
		return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
	}

}
