package vn.loa.channels.facebook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.DeliveryFailureAdvice;
import vn.loa.deliverylog.DeliveryLogFlow;

/**
 * Facebook Pages: a target is a page id, {@code area:<code>} or {@code all}, and each
 * Page gets one delivery row with the post id and permalink. A publication approved far
 * enough ahead is handed over at once and scheduled on Facebook itself.
 */
@Configuration(proxyBeanMethods = false)
class FacebookChannel {

	@Bean
	ChannelDescriptor facebookDescriptor(FacebookProperties properties, FacebookPages pages, FacebookApp app,
			FacebookPublisher publisher) {
		return ChannelDescriptor.builder(FacebookPublisher.CHANNEL, "Trang Facebook")
			.enabled(properties.enabled())
			.mode(properties.mode().name().toLowerCase(Locale.ROOT))
			.template(properties.template())
			.defaultTargets(List.of("all"))
			.rejectTarget(pages::reject)
			.providerSchedules(true)
			.health(() -> {
				List<String> problems = new ArrayList<>(app.missing());
				List<String> paused = pages.all()
					.stream()
					.filter((page) -> !page.active())
					.map((page) -> "Page " + page.name() + " (" + page.pageId() + ") needs a new token: "
							+ page.stateReason())
					.toList();
				problems.addAll(paused);
				if (!paused.isEmpty()) {
					// a new Page token on the Pages page makes the Page active again
					return ChannelDescriptor.ChannelHealth.paused(String.join("; ", problems), "/console/facebook");
				}
				return problems.isEmpty() ? ChannelDescriptor.ChannelHealth.healthy()
						: ChannelDescriptor.ChannelHealth.unhealthy(String.join("; ", problems));
			})
			.build();
	}

	@Bean
	IntegrationFlow facebook(FacebookPublisher publisher) {
		return (flow) -> flow
			.handle(ChannelDispatch.class, (dispatch, headers) -> publisher.deliver(dispatch),
					(endpoint) -> endpoint.id("facebookPoster")
						.advice(new DeliveryFailureAdvice(FacebookPublisher.CHANNEL)))
			.splitWith((splitter) -> splitter.id("facebookOutcomeSplitter"))
			.channel(DeliveryLogFlow.OUTCOMES);
	}

	/**
	 * Tries again the posts that wait for a rate limit, a new Page token or their time;
	 * the JDBC lock lets one node of a cluster run it. (The withdrawals still owed are
	 * swept with every channel's, see {@link FacebookWithdrawal}.)
	 */
	@Component
	static class Sweeps {

		private final FacebookPublisher publisher;

		private final Clock clock;

		Sweeps(FacebookPublisher publisher, Clock clock) {
			this.publisher = publisher;
			this.clock = clock;
		}

		@Scheduled(fixedDelayString = "${loa.channels.facebook.retry.sweep-interval:30s}",
				initialDelayString = "${loa.channels.facebook.retry.sweep-interval:30s}")
		@SchedulerLock(name = "loa-facebook-retry-sweep", lockAtLeastFor = "PT5S")
		public void retry() {
			this.publisher.retryDue(this.clock.instant());
		}

	}

}
