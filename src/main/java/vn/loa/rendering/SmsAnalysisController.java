package vn.loa.rendering;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's live SMS counter: encoding, parts and characters left as the officer
 * types.
 */
@RestController
@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
@RequestMapping("/api/v1/sms")
class SmsAnalysisController {

	/** Longest text analysed; far beyond any SMS an operator would deliver. */
	static final int MAX_TEXT = 5000;

	@PostMapping("/analysis")
	SmsAnalysis analyze(@Valid @RequestBody AnalysisRequest request) {
		return SmsText.analyze(request.text(), request.diacritics() == null || request.diacritics());
	}

	/**
	 * @param text the announcement as typed
	 * @param diacritics send with Vietnamese diacritics (UCS-2) or without (GSM-7); with
	 * when absent
	 */
	record AnalysisRequest(@NotNull @Size(max = MAX_TEXT) String text, Boolean diacritics) {
	}

}
