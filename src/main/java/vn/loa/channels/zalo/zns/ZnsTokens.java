package vn.loa.channels.zalo.zns;

import vn.loa.channels.zalo.ZaloAccessTokens;
import vn.loa.channels.zalo.ZaloReauthorisationNeeded;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The OA token ZNS calls carry: the OA channel's {@link ZaloAccessTokens} when Loa has
 * one; without it, sandbox mode uses a fixed token its simulator accepts, and live mode
 * has none (the job waits, nothing fails).
 */
@Component
class ZnsTokens {

	/** The token the sandbox uses when no OA token store exists; not a secret. */
	static final String SANDBOX_TOKEN = "loa-sandbox-zns-access-token";

	private final ObjectProvider<ZaloAccessTokens> tokens;

	private final ZnsProperties properties;

	private volatile boolean sandboxToken;

	ZnsTokens(ObjectProvider<ZaloAccessTokens> tokens, ZnsProperties properties) {
		this.tokens = tokens;
		this.properties = properties;
	}

	/**
	 * Sandbox only: calls carry the simulator's fixed token rather than the OA's, so a
	 * benchmark measures sending without connecting an OA first.
	 */
	void useSandboxToken() {
		if (!this.properties.sandbox()) {
			throw new IllegalStateException("The sandbox token is for sandbox mode only");
		}
		this.sandboxToken = true;
	}

	/**
	 * @throws ZaloReauthorisationNeeded when no token is usable
	 */
	String accessToken() {
		if (this.sandboxToken) {
			return SANDBOX_TOKEN;
		}
		ZaloAccessTokens store = this.tokens.getIfAvailable();
		if (store != null) {
			return store.accessToken();
		}
		if (this.properties.sandbox()) {
			return SANDBOX_TOKEN;
		}
		throw new ZaloReauthorisationNeeded("No Zalo OA is connected: connect it in the console", 0);
	}

	/** The OA token store's generation (see {@link ZaloAccessTokens#generation()}). */
	long generation() {
		ZaloAccessTokens store = this.sandboxToken ? null : this.tokens.getIfAvailable();
		return (store != null) ? store.generation() : 0;
	}

}
