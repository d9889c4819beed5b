package vn.loa.audience;

/** A request value that is wrong, named so the problem detail can point at the field. */
class FieldException extends RuntimeException {

	private final String field;

	FieldException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
