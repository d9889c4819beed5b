package vn.loa.audience;

/** A phone number that is not a Vietnamese mobile number. */
public class InvalidPhoneNumberException extends IllegalArgumentException {

	private final String input;

	private final String reason;

	public InvalidPhoneNumberException(String input, String reason) {
		super("Invalid phone number '" + input + "': " + reason);
		this.input = input;
		this.reason = reason;
	}

	public String input() {
		return this.input;
	}

	public String reason() {
		return this.reason;
	}

}
