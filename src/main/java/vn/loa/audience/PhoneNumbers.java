package vn.loa.audience;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Vietnamese mobile numbers in E.164. {@code 0905 123 456}, {@code 84905123456},
 * {@code +84 90 512 3456} and {@code (090) 512-3456} are one person:
 * {@code +84905123456}. Only Vietnamese mobile numbers are accepted, because only they
 * receive Loa's SMS.
 */
public final class PhoneNumbers {

	private static final String REGION = "VN";

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private static final java.util.regex.Pattern ALLOWED = java.util.regex.Pattern.compile("[+0-9 ().\\-\u00A0]+");

	private PhoneNumbers() {
	}

	/**
	 * The E.164 form of a Vietnamese mobile number.
	 * @throws InvalidPhoneNumberException with a reason an officer can act on
	 */
	public static String normalize(String input) {
		PhoneNumberCheck check = check(input);
		if (!check.valid()) {
			throw new InvalidPhoneNumberException(input, check.reason());
		}
		return check.e164();
	}

	/** Like {@link #normalize(String)}, but reports a rejection instead of throwing. */
	public static PhoneNumberCheck check(String input) {
		if (input == null || input.isBlank()) {
			return PhoneNumberCheck.rejected("phone number is empty");
		}
		String trimmed = input.strip();
		if (!ALLOWED.matcher(trimmed).matches()) {
			return PhoneNumberCheck.rejected("phone number contains characters other than digits, spaces, + ( ) . -");
		}
		PhoneNumber number;
		try {
			number = UTIL.parse(trimmed, REGION);
		}
		catch (NumberParseException ex) {
			return PhoneNumberCheck.rejected("not a phone number (" + ex.getErrorType() + ")");
		}
		if (!UTIL.isValidNumberForRegion(number, REGION)) {
			if (UTIL.isValidNumber(number)) {
				return PhoneNumberCheck
					.rejected("not a Vietnamese number (" + UTIL.getRegionCodeForNumber(number) + ")");
			}
			return PhoneNumberCheck
				.rejected("not a valid Vietnamese number (old 11-digit numbers were renumbered in 2018)");
		}
		PhoneNumberType type = UTIL.getNumberType(number);
		if (type != PhoneNumberType.MOBILE) {
			return PhoneNumberCheck.rejected(
					"not a mobile number (" + type.name().toLowerCase().replace('_', ' ') + "), it cannot receive SMS");
		}
		return new PhoneNumberCheck(UTIL.format(number, PhoneNumberFormat.E164), null);
	}

	/**
	 * Outcome of checking a phone number.
	 *
	 * @param e164 the normalised number, or {@code null} when rejected
	 * @param reason why it was rejected, or {@code null} when valid
	 */
	public record PhoneNumberCheck(String e164, String reason) {

		static PhoneNumberCheck rejected(String reason) {
			return new PhoneNumberCheck(null, reason);
		}

		public boolean valid() {
			return this.e164 != null;
		}

	}

}
