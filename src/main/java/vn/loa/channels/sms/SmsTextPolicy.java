package vn.loa.channels.sms;

import java.util.LinkedHashMap;
import java.util.Map;

import vn.loa.common.Problems;
import vn.loa.rendering.ChannelTextPolicy;
import vn.loa.rendering.SmsAnalysis;
import vn.loa.rendering.SmsCostEstimate;
import vn.loa.rendering.SmsText;

import org.springframework.stereotype.Component;

/**
 * What the SMS channel sends and measures: NFC text, or text without diacritics when the
 * publication says {@code sms.diacritics=false} (GSM-7, 160/153 characters a part instead
 * of 70/67); encoding, parts, characters left and the cost per recipient. A rendition
 * longer than {@code max-parts} is refused at preview, naming the count.
 */
@Component
class SmsTextPolicy implements ChannelTextPolicy {

	static final String DIACRITICS = SmsChannel.ID + ".diacritics";

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
		String sent = SmsText.analyze(text.strip(), diacritics(options)).text();
		int parts = SmsText.analyze(sent, true).parts();
		if (parts > this.properties.maxParts()) {
			throw Problems.invalid("body", "the SMS would take " + parts + " parts; at most "
					+ this.properties.maxParts() + " are allowed (" + sent.length() + " characters)");
		}
		return sent;
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
		metrics.put("diacritics", diacritics(options));
		metrics.put("pricePerPart", this.properties.pricePerPart());
		metrics.put("costPerRecipient", perRecipient.total());
		metrics.put("currency", this.properties.currency());
		return metrics;
	}

	private static boolean diacritics(Map<String, String> options) {
		return !"false".equalsIgnoreCase(options.getOrDefault(DIACRITICS, "true"));
	}

}
