package vn.loa.channels.sms;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.loa.content.ContentVersion;
import vn.loa.rendering.Renderer;
import vn.loa.rendering.Rendition;

/**
 * The compose form's SMS counter: the item as typed, rendered through the SMS template
 * (agency, title, summary, short link, hotline) and measured with and without diacritics,
 * so the count the officer sees is the count the operator will bill.
 */
@RestController
@PreAuthorize("hasAnyRole('EDITOR','APPROVER','ADMIN')")
@RequestMapping("/api/v1/sms")
class SmsPreviewController {

	/**
	 * A new item has no id yet; its short link is counted with a three-character code,
	 * the length of the codes of items 1,296 to 46,655, so the count errs long.
	 */
	static final long NEW_ITEM_ID = 46_655;

	private final Renderer renderer;

	private final SmsProperties properties;

	SmsPreviewController(Renderer renderer, SmsProperties properties) {
		this.renderer = renderer;
		this.properties = properties;
	}

	@PostMapping("/preview")
	SmsPreview preview(@Valid @RequestBody PreviewRequest request) {
		ContentVersion draft = new ContentVersion((request.contentId() != null) ? request.contentId() : NEW_ITEM_ID, 0,
				"xem-truoc", request.title(), (request.summary() != null) ? request.summary() : "",
				(request.body() != null) ? request.body() : "", "xem-truoc", List.of(), List.of(), List.of(), List.of(),
				"preview", Instant.EPOCH);
		Rendition with = this.renderer.measure(draft, SmsChannel.ID, this.properties.template(),
				Map.of(SmsTextPolicy.DIACRITICS, "true"));
		Rendition without = this.renderer.measure(draft, SmsChannel.ID, this.properties.template(),
				Map.of(SmsTextPolicy.DIACRITICS, "false"));
		return new SmsPreview(with.text(), without.text(), Variant.of(with), Variant.of(without),
				this.properties.maxParts(), this.properties.currency());
	}

	/**
	 * @param contentId the item being edited, for its short link; empty for a new item
	 * @param title the title as typed
	 * @param summary the summary as typed
	 * @param body the body as typed (the default SMS template does not use it; an admin's
	 * may)
	 */
	record PreviewRequest(Long contentId, @NotNull @Size(max = 300) String title, @Size(max = 1000) String summary,
			@Size(max = 100_000) String body) {
	}

	/**
	 * @param text the SMS with diacritics, as the template renders it
	 * @param textWithoutDiacritics the same without diacritics
	 * @param withDiacritics what the text with diacritics costs
	 * @param withoutDiacritics what the text without diacritics costs
	 * @param maxParts the most parts the channel sends
	 * @param currency currency of the costs
	 */
	record SmsPreview(String text, String textWithoutDiacritics, Variant withDiacritics, Variant withoutDiacritics,
			int maxParts, String currency) {
	}

	record Variant(String encoding, int characters, int parts, int charactersLeft, BigDecimal costPerRecipient,
			boolean overLimit) {

		static Variant of(Rendition rendition) {
			Map<String, Object> m = rendition.metrics();
			return new Variant((String) m.get("encoding"), (int) m.get("smsCharacters"), (int) m.get("parts"),
					(int) m.get("charactersLeft"), (BigDecimal) m.get("costPerRecipient"),
					(boolean) m.get("overLimit"));
		}

	}

}
