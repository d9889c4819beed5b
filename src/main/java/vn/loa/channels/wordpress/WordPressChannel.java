package vn.loa.channels.wordpress;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.DeliveryFailureAdvice;
import vn.loa.deliverylog.DeliveryLogFlow;

/**
 * WordPress sites: each configured site is a target and gets one delivery row; the row's
 * reference is the post id and its URL the post's link. WordPress keeps scheduled posts
 * itself, so a publication for a later time is handed to the sites at approval. The
 * health is DOWN while a site's last probe found it cannot be published to.
 */
@Configuration(proxyBeanMethods = false)
class WordPressChannel {

	static final String ID = "wordpress";

	@Bean
	ChannelDescriptor wordpressDescriptor(WordPressProperties properties, WordPressSites sites, WordPressProbe probe) {
		return ChannelDescriptor.builder(ID, "Trang WordPress")
			.enabled(properties.enabled())
			.mode(properties.mode().name().toLowerCase(Locale.ROOT))
			.template(properties.template())
			.defaultTargets(properties.sites().stream().map(WordPressProperties.Site::name).toList())
			.rejectTarget((target) -> sites.site(target).isPresent() ? Optional.empty()
					: Optional.of("no WordPress site named " + target + " in channels/wordpress.yml"))
			.providerSchedules(true)
			.health(() -> {
				List<String> problems = new java.util.ArrayList<>();
				for (WordPressProperties.Site site : properties.sites()) {
					if (sites.password(site).isEmpty()) {
						problems.add(site.name() + ": " + site.passwordEnv() + " is not set");
					}
					if (properties.mode() == WordPressProperties.Mode.LIVE
							&& (site.baseUrl() == null || site.baseUrl().isBlank())) {
						problems.add(site.name() + ": no base-url");
					}
					probe.last(site.name())
						.filter((found) -> !found.up())
						.ifPresent((found) -> problems.add(site.name() + ": " + found.problem()));
				}
				return problems.isEmpty() ? ChannelDescriptor.ChannelHealth.healthy()
						: ChannelDescriptor.ChannelHealth.unhealthy(String.join("; ", problems));
			})
			.build();
	}

	@Bean
	IntegrationFlow wordpress(WordPressHandler handler) {
		return (flow) -> flow
			.handle(ChannelDispatch.class, (dispatch, headers) -> handler.deliver(dispatch),
					(endpoint) -> endpoint.id("wordpressPublisher").advice(new DeliveryFailureAdvice(ID)))
			.channel(DeliveryLogFlow.OUTCOMES);
	}

}
