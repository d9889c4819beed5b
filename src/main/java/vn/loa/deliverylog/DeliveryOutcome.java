package vn.loa.deliverylog;

/**
 * What happened to one delivery, as a channel reports it.
 *
 * @param provider who carried it (e.g. twilio, wordpress:site-name)
 * @param providerReference the provider's id for it (message SID, post id…)
 * @param providerUrl where it can be seen, when the provider says
 * @param errorCode the provider's own error code, verbatim
 * @param errorMessage the provider's own error message, verbatim
 */
public record DeliveryOutcome(long publicationId, String channel, String target, DeliveryStatus status, String provider,
		String providerReference, String providerUrl, String errorCode, String errorMessage, String templateVersion) {

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
