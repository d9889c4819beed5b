package vn.loa.audience;

import java.util.Locale;
import java.util.Set;

/**
 * Understands citizens' SMS replies, in Vietnamese with or without diacritics, in any
 * case and spacing: {@code HUY}, {@code HỦY}, {@code TU CHOI}, {@code TỪ CHỐI},
 * {@code STOP} to leave; {@code DK <chủ đề>}, {@code ĐK <chủ đề>},
 * {@code DANG KY <chủ đề>}, {@code START} to join. Twilio's own opt-out and opt-in words
 * are included because Twilio acts on them anyway (it blocks a number that sent STOP with
 * error 21610), and Loa's list must agree. The confirmation replies are written without
 * diacritics so each fits one GSM-7 part.
 */
public final class SmsKeywords {

	/** Reply to an opt-out. */
	public static final String OPT_OUT_REPLY = "Ban da huy nhan tin thong bao. "
			+ "De dang ky lai, soan DK <chu de> hoac DK gui so nay.";

	/** Reply to a message that is not a keyword. */
	public static final String UNKNOWN_REPLY = "Tin nhan khong dung cu phap. "
			+ "Soan HUY de ngung nhan tin, DK <chu de> de dang ky nhan tin thong bao.";

	// Vietnamese keywords may be followed by more words ("HUY DK", "TU CHOI nhan tin").
	private static final Set<String> OPT_OUT_WORDS = Set.of("huy", "tu choi", "tuchoi");

	private static final Set<String> OPT_IN_WORDS = Set.of("dk", "dang ky", "dangky", "dky");

	// Twilio's keywords count only as the whole message, as Twilio itself reads them.
	private static final Set<String> TWILIO_OPT_OUT = Set.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit",
			"revoke", "optout");

	private static final Set<String> TWILIO_OPT_IN = Set.of("start", "unstop", "subscribe", "yes");

	// Longest reply topic that keeps the confirmation within one GSM-7 part.
	private static final int REPLY_TOPIC_LENGTH = 40;

	private SmsKeywords() {
	}

	public static SmsCommand parse(String body) {
		// Punctuation and symbols separate words: "Hủy." and "DK:CCHC" are keywords too.
		String words = Texts.slug(body, ' ');
		if (words.isEmpty()) {
			return SmsCommand.UNKNOWN;
		}
		if (TWILIO_OPT_OUT.contains(words)) {
			return SmsCommand.OPT_OUT;
		}
		if (TWILIO_OPT_IN.contains(words)) {
			return SmsCommand.optIn(null);
		}
		for (String keyword : OPT_OUT_WORDS) {
			if (words.equals(keyword) || words.startsWith(keyword + " ")) {
				return SmsCommand.OPT_OUT;
			}
		}
		// Longest keyword first so "dang ky cchc" is not read as "dang" + topic.
		String matched = null;
		for (String keyword : OPT_IN_WORDS) {
			if ((words.equals(keyword) || words.startsWith(keyword + " "))
					&& (matched == null || keyword.length() > matched.length())) {
				matched = keyword;
			}
		}
		if (matched == null) {
			return SmsCommand.UNKNOWN;
		}
		String rest = words.substring(matched.length()).strip();
		if (rest.isEmpty()) {
			return SmsCommand.optIn(null);
		}
		try {
			return SmsCommand.optIn(Topics.key(rest));
		}
		catch (IllegalArgumentException ex) {
			return SmsCommand.UNKNOWN;
		}
	}

	/** The confirmation Loa sends back for {@code command}. */
	public static String reply(SmsCommand command) {
		return switch (command.kind()) {
			case OPT_OUT -> OPT_OUT_REPLY;
			case UNKNOWN -> UNKNOWN_REPLY;
			case OPT_IN -> optInReply(command.topic());
		};
	}

	private static String optInReply(String topic) {
		String about = "";
		if (topic != null) {
			String shown = topic.toUpperCase(Locale.ROOT);
			if (shown.length() > REPLY_TOPIC_LENGTH) {
				shown = shown.substring(0, REPLY_TOPIC_LENGTH);
			}
			about = " chu de " + shown;
		}
		return "Ban da dang ky nhan tin thong bao" + about + ". Soan HUY gui so nay de ngung nhan tin.";
	}

}
