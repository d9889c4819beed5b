package vn.loa.channels.sms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.loa.common.Problems;
import vn.loa.rendering.ChannelTextPolicy;
import vn.loa.rendering.SmsAnalysis;
import vn.loa.rendering.SmsCostEstimate;
import vn.loa.rendering.SmsText;

/**
 * What the SMS channel sends and measures: NFC text, or text without diacritics when the
 * publication says {@code sms.diacritics=false} (GSM-7, 160/153 characters a part instead
 * of 70/67); encoding, parts, characters left, the parts the same text would take without
 * diacritics, and the cost per recipient. A rendition longer than {@code max-parts} is
 * refused, naming the channel, the count and the ways out.
 */
@Component
class SmsTextPolicy implements ChannelTextPolicy {

	static final String DIACRITICS = SmsChannel.ID + ".diacritics";

	/** The problem type of an SMS over the part limit. */
	static final String TOO_LONG = "sms-too-long";

	private final SmsProperties properties;

	SmsTextPolicy(SmsProperties properties) {
		this.properties = properties;
	}

	@Override
	public String channel() {
		return SmsChannel.ID;
	}

	@Override
	public String finish(String text, Map<String, String> options) {
		return SmsText.analyze(text.strip(), diacritics(options)).text();
	}

	@Override
	public Map<String, Object> metrics(String text, Map<String, String> options) {
		SmsAnalysis analysis = SmsText.analyze(text, true);
		SmsCostEstimate perRecipient = SmsText.estimateCost(analysis, 1, this.properties.pricePerPart(),
				this.properties.currency());
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("encoding", analysis.encoding().name());
		metrics.put("smsCharacters", analysis.characters());
		metrics.put("parts", analysis.parts());
		metrics.put("charactersLeft", analysis.charactersLeft());
		metrics.put("maxParts", this.properties.maxParts());
		metrics.put("overLimit", analysis.parts() > this.properties.maxParts());
		metrics.put("partsWithoutDiacritics", SmsText.analyze(text, false).parts());
		metrics.put("diacritics", diacritics(options));
		metrics.put("pricePerPart", this.properties.pricePerPart());
		metrics.put("costPerRecipient", perRecipient.total());
		metrics.put("currency", this.properties.currency());
		return metrics;
	}

	@Override
	public void check(String text, Map<String, Object> metrics, Map<String, String> options) {
		int parts = (int) metrics.get("parts");
		int max = this.properties.maxParts();
		if (parts <= max) {
			return;
		}
		int plain = (int) metrics.get("partsWithoutDiacritics");
		String waysOut = (diacritics(options) && plain <= max)
				? "send it without diacritics (" + plain + " parts), shorten the title or summary, or leave SMS out"
				: "shorten the title or summary, or leave SMS out";
		String message = "the SMS would take " + parts + " parts; at most " + max + " are allowed: " + waysOut;
		throw Problems.problem(HttpStatus.BAD_REQUEST, TOO_LONG, "SMS too long", "sms: " + message,
				Map.of("channel", SmsChannel.ID, "parts", parts, "maxParts", max, "partsWithoutDiacritics", plain,
						"errors", List.of(Map.of("field", "targets", "channel", SmsChannel.ID, "message", message))),
				"problem." + TOO_LONG, parts, max, plain);
	}

	private static boolean diacritics(Map<String, String> options) {
		return !"false".equalsIgnoreCase(options.getOrDefault(DIACRITICS, "true"));
	}

}
