package vn.loa.channels.zalo.zns;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.loa.audience.SegmentSpec;
import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.ChannelException;
import vn.loa.channels.DeliveryFailureAdvice;
import vn.loa.channels.bulk.BulkJob;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.channels.sms.SmsBroadcastWorker;
import vn.loa.channels.zalo.ZaloAccessTokens;
import vn.loa.channels.sms.SmsProperties;
import vn.loa.channels.sms.SmsTargets;
import vn.loa.deliverylog.DeliveryLogFlow;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.rendering.Renderer;
import vn.loa.rendering.Rendition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The ZNS channel: a dispatch to a segment (the same targets as SMS) becomes ONE bulk job
 * of channel {@code zalo-zns}; {@link ZnsBroadcastWorker} sends its recipients. With the
 * publication option {@code zalo.fallback: sms} the job also carries the SMS rendition,
 * so recipients ZNS cannot reach get the SMS in the same run.
 */
@Configuration(proxyBeanMethods = false)
class ZnsChannel {

	static final String ID = "zalo-zns";

	/** The publication option that asks for SMS fallback. */
	static final String FALLBACK_OPTION = "zalo.fallback";

	@Bean
	ChannelDescriptor znsDescriptor(ZnsProperties properties, SmsTargets targets, BulkJobs jobs,
			ObjectProvider<ZaloAccessTokens> tokens) {
		return ChannelDescriptor.builder(ID, "Zalo ZNS")
			.enabled(properties.enabled())
			.mode(properties.sandbox() ? "sandbox" : "live")
			.template(properties.template())
			.defaultTargets(List.of(SmsTargets.ALL))
			.rejectTarget(targets::rejection)
			.health(() -> health(jobs, tokens.getIfAvailable()))
			.build();
	}

	@Bean
	IntegrationFlow znsFlow(BulkJobs jobs, SmsTargets targets, Renderer renderer, SmsProperties smsProperties,
			Clock clock) {
		return IntegrationFlow.from("zalo-zns.input")
			.handle(ChannelDispatch.class,
					(dispatch, headers) -> enqueue(dispatch, jobs, targets, renderer, smsProperties.template(), clock),
					(endpoint) -> endpoint.id("znsBroadcastEnqueuer")
						.advice(new DeliveryFailureAdvice(ZnsStatusTable.PROVIDER)))
			.channel(DeliveryLogFlow.OUTCOMES)
			.get();
	}

	/**
	 * Up unless a job waits for the OA to be reconnected; a spent daily quota is no fault
	 * but shows, with when sending resumes, and so does an OA never connected (the OA's
	 * token store is {@code null} where the OA channel is not configured).
	 */
	static ChannelDescriptor.ChannelHealth health(BulkJobs jobs, ZaloAccessTokens tokens) {
		List<BulkJob> waiting = jobs.waiting(List.of(ID), 100);
		Optional<BulkJob> token = waiting.stream()
			.filter((job) -> "NEEDS_REAUTHORISATION".equals(job.waitReason()))
			.findFirst();
		if (token.isPresent()) {
			return ChannelDescriptor.ChannelHealth.needsReauthorisation(
					"NEEDS_REAUTHORISATION: ZNS jobs wait for the OA to be connected again", "/console/zalo");
		}
		Optional<BulkJob> quota = waiting.stream()
			.filter((job) -> ZnsBroadcastWorker.QUOTA.equals(job.waitReason()))
			.findFirst();
		return quota
			.map((job) -> ChannelDescriptor.ChannelHealth
				.quotaWait("QUOTA: daily ZNS quota spent; jobs wait until " + job.notBefore(), "/console/operations"))
			.orElseGet(() -> (tokens != null && !tokens.connected())
					? ChannelDescriptor.ChannelHealth.notConnected(ZaloAccessTokens.NOT_CONNECTED, "/console/zalo")
					: ChannelDescriptor.ChannelHealth.healthy());
	}

	/** Creates the bulk job (once per publication and target); nothing is sent here. */
	private static Object enqueue(ChannelDispatch dispatch, BulkJobs jobs, SmsTargets targets, Renderer renderer,
			String smsTemplate, Clock clock) {
		SegmentSpec segment = targets.segmentOf(dispatch, ZnsStatusTable.PROVIDER);
		ZnsTemplates.Mapping mapping = ZnsTemplates.parse(dispatch.rendition().text());
		boolean fallback = "sms".equalsIgnoreCase(dispatch.options().getOrDefault(FALLBACK_OPTION, ""));
		String smsText = null;
		String smsVersion = null;
		if (fallback) {
			Rendition sms;
			try {
				sms = renderer.render(dispatch.content(), SmsBroadcastWorker.CHANNEL, smsTemplate, Map.of(),
						dispatch.options());
			}
			catch (RuntimeException ex) {
				throw new ChannelException(DeliveryStatus.PERMANENT_FAILURE, ZnsStatusTable.PROVIDER,
						"FALLBACK_RENDITION", "Không tạo được tin SMS thay thế: " + ex.getMessage(), ex);
			}
			smsText = sms.text();
			smsVersion = sms.templateVersion();
		}
		ZnsPayload payload = new ZnsPayload(mapping.templateId(), mapping.params(), fallback, smsText, smsVersion);
		jobs.enqueue(ID, dispatch.publicationId(), dispatch.target(), segment, payload.toJson(),
				dispatch.rendition().templateVersion(), dispatch.urgent(), clock.instant());
		return null;
	}

}
