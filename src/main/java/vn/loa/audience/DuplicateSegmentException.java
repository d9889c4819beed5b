package vn.loa.audience;

/** A segment name that is already taken. */
public class DuplicateSegmentException extends RuntimeException {

	public DuplicateSegmentException(String name) {
		super("a segment named '" + name + "' already exists");
	}

}
