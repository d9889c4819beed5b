package vn.loa.inbox;

/**
 * OPEN until an officer closes it; a citizen writing again reopens it.
 */
enum ConversationState {

	OPEN, CLOSED

}
