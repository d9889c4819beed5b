package vn.loa.rendering;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's live preview of a read-aloud script and the quick way to check what the
 * rules make of a sentence.
 */
@RestController
class RadioScriptPreviewController {

	/** A preview is for one item or program, not for whole plan documents. */
	static final int MAX_TEXT_LENGTH = 100_000;

	private final RadioScriptWriter writer;

	RadioScriptPreviewController(RadioScriptWriter writer) {
		this.writer = writer;
	}

	@PostMapping(path = "/api/v1/radio/script-preview", consumes = "application/json", produces = "application/json")
	ScriptPreview preview(@RequestBody(required = false) PreviewRequest request) {
		if (request == null || request.text() == null) {
			throw new InvalidPreview("text", "text is required");
		}
		if (request.text().length() > MAX_TEXT_LENGTH) {
			throw new InvalidPreview("text", "text must be at most " + MAX_TEXT_LENGTH + " characters");
		}
		int pace = (request.wordsPerMinute() != null) ? request.wordsPerMinute() : this.writer.defaultWordsPerMinute();
		if (pace < RadioScriptWriter.MIN_WORDS_PER_MINUTE || pace > RadioScriptWriter.MAX_WORDS_PER_MINUTE) {
			throw new InvalidPreview("wordsPerMinute", "wordsPerMinute must be between "
					+ RadioScriptWriter.MIN_WORDS_PER_MINUTE + " and " + RadioScriptWriter.MAX_WORDS_PER_MINUTE);
		}
		RadioScript script = this.writer.write(request.text(), pace);
		return new ScriptPreview(script.text(), script.seconds(), script.words(), script.wordsPerMinute());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidPreview ex) {
		return badRequest(ex.getMessage(), ex.field);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return badRequest("The request body must be JSON {\"text\": string, \"wordsPerMinute\": integer}", "body");
	}

	private static ResponseEntity<ProblemDetail> badRequest(String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid script preview request");
		problem.setType(URI.create("https://loa.vn/problems/invalid-request"));
		problem.setProperty("field", field);
		// Also in the shape the rest of the API uses for invalid input.
		problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "message", detail)));
		return ResponseEntity.badRequest().body(problem);
	}

	record PreviewRequest(String text, Integer wordsPerMinute) {
	}

	record ScriptPreview(String script, int seconds, int words, int wordsPerMinute) {
	}

	static final class InvalidPreview extends RuntimeException {

		private final String field;

		InvalidPreview(String field, String message) {
			super(message);
			this.field = field;
		}

	}

}
