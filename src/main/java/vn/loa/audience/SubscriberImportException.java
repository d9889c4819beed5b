package vn.loa.audience;

/** A subscriber file that cannot be imported at all (as opposed to a bad row). */
public class SubscriberImportException extends RuntimeException {

	public SubscriberImportException(String message) {
		super(message);
	}

}
