package vn.loa.audience;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the audience API, naming the field at fault. */
@RestControllerAdvice(assignableTypes = { SubscriberController.class, SegmentController.class })
class AudienceProblems {

	@ExceptionHandler(InvalidPhoneNumberException.class)
	ProblemDetail invalidPhone(InvalidPhoneNumberException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid phone number", ex.reason(), "phone");
	}

	@ExceptionHandler(FieldException.class)
	ProblemDetail invalidField(FieldException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), ex.field());
	}

	@ExceptionHandler(SubscriberImportException.class)
	ProblemDetail unreadableFile(SubscriberImportException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Subscriber file cannot be imported", ex.getMessage(), "file");
	}

	@ExceptionHandler(DuplicateSegmentException.class)
	ProblemDetail duplicateSegment(DuplicateSegmentException ex) {
		return problem(HttpStatus.CONFLICT, "Segment exists", ex.getMessage(), "name");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalidValue(IllegalArgumentException ex) {
		String message = ex.getMessage();
		String field = message.startsWith("area") ? "area"
				: message.startsWith("topic") ? "topic" : message.startsWith("name") ? "name" : null;
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", message, field);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

}
