package vn.loa.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import vn.loa.audience.SegmentSpec;
import vn.loa.audience.Subscribers;
import vn.loa.channels.ChannelDescriptor;
import vn.loa.common.ProblemMessages;
import vn.loa.content.ContentVersion;
import vn.loa.rendering.Renderer;
import vn.loa.rendering.Rendition;
import vn.loa.rendering.TemplateProblem;

/**
 * What each channel would do with a content version, said before anything is sent: the
 * rendition and its numbers, and whether the channel would take it. An SMS over the part
 * limit is measured all the same, so the officer sees how long it is, how many parts it
 * would take without diacritics and what to do about it; a broken template names itself
 * instead of surfacing as an exception's text.
 */
@Component
class ChannelVerdicts {

	static final String SMS = "sms";

	static final String SMS_DIACRITICS = "sms.diacritics";

	private final Renderer renderer;

	private final Subscribers subscribers;

	ChannelVerdicts(Renderer renderer, Subscribers subscribers) {
		this.renderer = renderer;
		this.subscribers = subscribers;
	}

	enum State {

		/** The channel takes the item as it is. */
		READY,
		/** The channel refuses the item (an SMS over its part limit). */
		REFUSED,
		/** The channel's template does not render. */
		BROKEN

	}

	/**
	 * One channel's verdict.
	 *
	 * @param messageCode what to tell the officer (a message key)
	 * @param args the message's arguments
	 * @param waysOutCode what the officer can do about a refusal (a message key), or null
	 * @param waysOutArgs its arguments
	 */
	record Verdict(String channel, String label, String template, String templateVersion, String text,
			Map<String, Object> metrics, boolean html, State state, String messageCode, Object[] args,
			String waysOutCode, Object[] waysOutArgs) {

		public boolean ready() {
			return this.state == State.READY;
		}

	}

	List<Verdict> of(ContentVersion version, List<ChannelDescriptor> channels, Map<String, String> options) {
		List<Verdict> verdicts = new ArrayList<>();
		for (ChannelDescriptor channel : channels) {
			if (channel.enabled()) {
				verdicts.add(of(version, channel, options));
			}
		}
		return verdicts;
	}

	Verdict of(ContentVersion version, ChannelDescriptor channel, Map<String, String> options) {
		Rendition rendition;
		try {
			rendition = this.renderer.measure(version, channel.id(), channel.template(), options);
		}
		catch (TemplateProblem ex) {
			return broken(channel, ex.getMessage());
		}
		catch (ErrorResponseException ex) {
			return broken(channel, ProblemMessages.detail(ex));
		}
		catch (RuntimeException ex) {
			return broken(channel, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		Map<String, Object> metrics = new LinkedHashMap<>(rendition.metrics());
		boolean html = rendition.template().endsWith(".html");
		if (SMS.equals(channel.id()) && metrics.get("parts") instanceof Integer parts) {
			return sms(channel, rendition, metrics, html, parts);
		}
		return new Verdict(channel.id(), channel.label(), rendition.template(), rendition.templateVersion(),
				rendition.text(), metrics, html, State.READY, "verdict.ready", new Object[0], null, null);
	}

	private Verdict sms(ChannelDescriptor channel, Rendition rendition, Map<String, Object> metrics, boolean html,
			int parts) {
		int max = (int) metrics.get("maxParts");
		int plain = (int) metrics.get("partsWithoutDiacritics");
		boolean diacritics = Boolean.TRUE.equals(metrics.get("diacritics"));
		String encoding = String.valueOf(metrics.get("encoding")).replace('_', '-');
		if (parts > max) {
			boolean plainFits = diacritics && plain <= max;
			return new Verdict(channel.id(), channel.label(), rendition.template(), rendition.templateVersion(),
					rendition.text(), metrics, html, State.REFUSED, "verdict.sms.tooLong",
					new Object[] { parts, max, encoding },
					plainFits ? "verdict.sms.waysOut.plain" : "verdict.sms.waysOut.shorten", new Object[] { plain });
		}
		BigDecimal perRecipient = (BigDecimal) metrics.get("costPerRecipient");
		String currency = String.valueOf(metrics.get("currency"));
		long recipients = recipients(channel);
		BigDecimal total = perRecipient.multiply(BigDecimal.valueOf(recipients));
		return new Verdict(channel.id(), channel.label(), rendition.template(), rendition.templateVersion(),
				rendition.text(), metrics, html, State.READY, diacritics ? "verdict.sms" : "verdict.sms.plain",
				new Object[] { parts, encoding, metrics.get("smsCharacters"), money(perRecipient), currency, recipients,
						money(total), plain },
				null, null);
	}

	/**
	 * Numbers the channel's default targets reach when they are all subscribers; other
	 * targets are counted when the broadcast starts.
	 */
	private long recipients(ChannelDescriptor channel) {
		if (channel.defaultTargets().equals(List.of("all"))) {
			return this.subscribers.count(SegmentSpec.all()).reachable();
		}
		return 0;
	}

	private static String money(BigDecimal amount) {
		return amount.setScale(Math.max(2, Math.min(amount.scale(), 4)), RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}

	private static Verdict broken(ChannelDescriptor channel, Object problem) {
		return new Verdict(channel.id(), channel.label(), channel.template(), null, null, Map.of(), false, State.BROKEN,
				"verdict.broken", new Object[] { channel.id() + "/" + channel.template(), problem },
				"verdict.broken.waysOut", new Object[0]);
	}

}
