package vn.loa.deliverylog;

/**
 * What happened to one delivery, as a channel reports it.
 *
 * @param provider who carried it (e.g. twilio, wordpress:site-name)
 * @param providerReference the provider's id for it (message SID, post id…)
 * @param providerUrl where it can be seen, when the provider says
 * @param errorCode the provider's own error code, verbatim
 * @param errorMessage the provider's own error message, verbatim
 * @param providerStatus the provider's HTTP status, where it answered one (e.g. 401 for
 * wrong credentials, 403 for missing rights); null when unknown or not HTTP
 * @param attempts how many calls to the provider this outcome took; null for one
 */
public record DeliveryOutcome(long publicationId, String channel, String target, DeliveryStatus status, String provider,
		String providerReference, String providerUrl, String errorCode, String errorMessage, String templateVersion,
		Integer providerStatus, Integer attempts) {

	public DeliveryOutcome(long publicationId, String channel, String target, DeliveryStatus status, String provider,
			String providerReference, String providerUrl, String errorCode, String errorMessage,
			String templateVersion) {
		this(publicationId, channel, target, status, provider, providerReference, providerUrl, errorCode, errorMessage,
				templateVersion, null, null);
	}

	/** The same outcome with the provider's HTTP status and the number of calls made. */
	public DeliveryOutcome withCalls(Integer providerStatus, int attempts) {
		return new DeliveryOutcome(this.publicationId, this.channel, this.target, this.status, this.provider,
				this.providerReference, this.providerUrl, this.errorCode, this.errorMessage, this.templateVersion,
				(providerStatus != null && providerStatus > 0) ? providerStatus : null, Math.max(1, attempts));
	}

	public static DeliveryOutcome sent(long publicationId, String channel, String target, String provider,
			String reference, String url, String templateVersion) {
		return new DeliveryOutcome(publicationId, channel, target, DeliveryStatus.SENT, provider, reference, url, null,
				null, templateVersion);
	}

	public static DeliveryOutcome failed(long publicationId, String channel, String target, DeliveryStatus status,
			String provider, String errorCode, String errorMessage, String templateVersion) {
		return new DeliveryOutcome(publicationId, channel, target, status, provider, null, null, errorCode,
				errorMessage, templateVersion);
	}

}
