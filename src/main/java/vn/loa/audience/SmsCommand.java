package vn.loa.audience;

/**
 * What a citizen's SMS reply asks for.
 *
 * @param kind leave, join or not understood
 * @param topic topic key to join ({@link Topics#key(String)}), or {@code null} for all
 * announcements
 */
public record SmsCommand(Kind kind, String topic) {

	public static final SmsCommand OPT_OUT = new SmsCommand(Kind.OPT_OUT, null);

	public static final SmsCommand UNKNOWN = new SmsCommand(Kind.UNKNOWN, null);

	public static SmsCommand optIn(String topic) {
		return new SmsCommand(Kind.OPT_IN, topic);
	}

	public enum Kind {

		OPT_OUT, OPT_IN, UNKNOWN

	}

}
