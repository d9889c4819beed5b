package vn.loa.channels.sms;

import java.time.Clock;
import java.util.List;

import vn.loa.audience.SegmentSpec;
import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.ChannelException;
import vn.loa.channels.DeliveryFailureAdvice;
import vn.loa.deliverylog.DeliveryLogFlow;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.rendering.SmsText;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The SMS channel: a dispatch to a segment becomes ONE durable broadcast job (a bulk job,
 * {@code bulk_job}); {@link SmsBroadcastWorker} sends its recipients. Nothing per
 * recipient is queued in memory or in a message channel.
 */
@Configuration(proxyBeanMethods = false)
class SmsChannel {

	static final String ID = "sms";

	static final String PROVIDER = "twilio";

	@Bean
	ChannelDescriptor smsDescriptor(SmsProperties properties, SmsTargets targets) {
		return ChannelDescriptor.builder(ID, "Tin nhắn SMS")
			.enabled(properties.enabled())
			.mode(properties.sandbox() ? "sandbox" : "live")
			.template(properties.template())
			.defaultTargets(List.of(SmsTargets.ALL))
			.rejectTarget(targets::rejection)
			.build();
	}

	@Bean
	IntegrationFlow sms(SmsBroadcasts broadcasts, SmsTargets targets, SmsProperties properties, Clock clock) {
		return (flow) -> flow
			.handle(ChannelDispatch.class,
					(dispatch, headers) -> enqueue(dispatch, broadcasts, targets, properties, clock),
					(endpoint) -> endpoint.id("smsBroadcastEnqueuer").advice(new DeliveryFailureAdvice(PROVIDER)))
			.channel(DeliveryLogFlow.OUTCOMES);
	}

	/**
	 * Creates the broadcast job (once per publication and target); nothing is sent here.
	 */
	private static Object enqueue(ChannelDispatch dispatch, SmsBroadcasts broadcasts, SmsTargets targets,
			SmsProperties properties, Clock clock) {
		SegmentSpec segment = targets.segmentOf(dispatch, PROVIDER);
		String body = dispatch.rendition().text();
		int parts = SmsText.analyze(body, true).parts();
		if (parts > properties.maxParts()) {
			throw new ChannelException(DeliveryStatus.PERMANENT_FAILURE, PROVIDER, "TOO_LONG",
					"Tin nhắn dài " + parts + " phần, vượt giới hạn " + properties.maxParts() + " phần", null);
		}
		broadcasts.enqueue(dispatch.publicationId(), dispatch.target(), segment, body,
				dispatch.rendition().templateVersion(), dispatch.urgent(), clock.instant());
		return null;
	}

}
