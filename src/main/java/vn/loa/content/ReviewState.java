package vn.loa.content;

public enum ReviewState {

	DRAFT, IN_REVIEW, APPROVED, PUBLISHED, WITHDRAWN;

	boolean editable() {
		return this != WITHDRAWN;
	}

	/** Content may be published only while an approved version exists. */
	public boolean publishable() {
		return this == APPROVED || this == PUBLISHED;
	}

}
