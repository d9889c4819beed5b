package vn.loa.channels.zalo.zns;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import vn.loa.channels.zalo.ZaloProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code channels/zalo-zns.yml}: the ZNS channel. The credentials come only from
 * {@code ZALO_APP_ID}, {@code ZALO_APP_SECRET}, {@code ZALO_OA_ID} and
 * {@code ZALO_OA_SECRET_KEY} (the same OA as the {@code zalo} channel); in sandbox mode
 * fixed, non-secret values stand in for those not set, and live mode refuses to run
 * without them.
 *
 * @param enabled whether publications may target the channel
 * @param mode {@code sandbox} points the client at Loa's own ZNS simulator, {@code live}
 * at business.openapi.zalo.me
 * @param template the mapping under {@code templates/zalo-zns/} (template id, parameter
 * values)
 * @param baseUrl Zalo's ZNS API; empty means the simulator (sandbox only)
 * @param development send with {@code mode: "development"} (reaches only the app's
 * admins)
 * @param ratePerSecond ZNS messages per second
 * @param quotaZone the time zone whose midnight renews the daily quota
 * @param templateCacheTtl how long synced template details are trusted
 * @param batchSize recipients read, written and sent per batch
 * @param senders parallel requests inside a batch
 * @param pollInterval how often the worker looks for runnable jobs
 * @param lease how long a node holds a job without renewing it
 * @param tokenWait how long a job waits when no OA token is usable
 * @param simulator the sandbox ZNS simulator
 */
@ConfigurationProperties("loa.channels.zalo-zns")
public record ZnsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("sandbox") String mode,
		@DefaultValue("announcement.yml") String template, String appId, String appSecret, String oaId,
		String oaSecretKey, String baseUrl, @DefaultValue("false") boolean development,
		@DefaultValue("50") double ratePerSecond, @DefaultValue("Asia/Ho_Chi_Minh") ZoneId quotaZone,
		@DefaultValue("10m") Duration templateCacheTtl, @DefaultValue("500") int batchSize,
		@DefaultValue("8") int senders, @DefaultValue("1s") Duration pollInterval, @DefaultValue("1m") Duration lease,
		@DefaultValue("5m") Duration tokenWait, @DefaultValue Http http, @DefaultValue Simulator simulator) {

	public boolean sandbox() {
		return !"live".equalsIgnoreCase(this.mode);
	}

	public String effectiveAppId() {
		return effective(this.appId, ZaloProperties.SANDBOX_APP_ID, "ZALO_APP_ID");
	}

	public String effectiveOaId() {
		return effective(this.oaId, ZaloProperties.SANDBOX_OA_ID, "ZALO_OA_ID");
	}

	public String effectiveOaSecretKey() {
		return effective(this.oaSecretKey, ZaloProperties.SANDBOX_OA_SECRET_KEY, "ZALO_OA_SECRET_KEY");
	}

	private String effective(String value, String sandboxValue, String variable) {
		return ZaloProperties.credential(value, sandboxValue, variable, sandbox(), "ZNS");
	}

	public record Http(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout) {

	}

	/**
	 * @param dailyQuota messages the simulated OA may send a day
	 * @param noZaloShare share of numbers answered -118 (no Zalo account), decided per
	 * number so a number always gets the same answer
	 * @param noZaloNumbers numbers always answered -118
	 * @param refusedNumbers numbers whose owner refused the OA (-141)
	 * @param callbacks whether {@code user_received_message} callbacks are posted
	 * @param callbackDelay how long after the answer the callback goes out
	 * @param webhookUrl where callbacks go; empty means this Loa's {@code /webhooks/zalo}
	 * @param keepPerNumber how many messages are kept per phone number
	 * @param maxNumbers how many phone numbers are remembered
	 */
	public record Simulator(@DefaultValue("1000000000") long dailyQuota, @DefaultValue("0") double noZaloShare,
			@DefaultValue List<String> noZaloNumbers, @DefaultValue List<String> refusedNumbers,
			@DefaultValue("true") boolean callbacks, @DefaultValue("200ms") Duration callbackDelay, String webhookUrl,
			@DefaultValue("20") int keepPerNumber, @DefaultValue("10000") int maxNumbers) {

	}

}
