package vn.loa.publishing;

public enum PublicationState {

	AWAITING_APPROVAL, SCHEDULED, DISPATCHING, DISPATCHED, CANCELLED

}
