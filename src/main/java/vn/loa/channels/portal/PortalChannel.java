package vn.loa.channels.portal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.integration.dsl.IntegrationFlow;

import vn.loa.channels.ArticleText;
import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.DeliveryFailureAdvice;
import vn.loa.common.LoaProperties;
import vn.loa.content.ContentVersion;
import vn.loa.content.ContentWithdrawn;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.deliverylog.DeliveryLogFlow;
import vn.loa.deliverylog.DeliveryOutcome;

/**
 * Loa's own public portal: publishing an item there stores its rendered, sanitised
 * article and makes its page and feed entry visible; withdrawing the item hides both. The
 * delivery row's reference is the article's slug and its URL the public page.
 */
@Configuration(proxyBeanMethods = false)
class PortalChannel {

	static final String ID = "portal";

	@Bean
	ChannelDescriptor portalDescriptor(PortalProperties properties) {
		return ChannelDescriptor.builder(ID, "Cổng thông tin Loa")
			.enabled(properties.enabled())
			.template(properties.template())
			.build();
	}

	@Bean
	IntegrationFlow portal(PortalPublisher publisher) {
		return (flow) -> flow
			.handle(ChannelDispatch.class, (dispatch, headers) -> publisher.publish(dispatch),
					(endpoint) -> endpoint.id("portalPublisher").advice(new DeliveryFailureAdvice(ID)))
			.channel(DeliveryLogFlow.OUTCOMES);
	}

	@Bean
	PortalPublisher portalArticlePublisher(DeliveryLog deliveries, PortalArticles articles, LoaProperties loa,
			Clock clock) {
		return new PortalPublisher(deliveries, articles, loa, clock);
	}

	/** Puts articles on the portal and takes them off again. */
	static class PortalPublisher {

		private final DeliveryLog deliveries;

		private final PortalArticles articles;

		private final LoaProperties loa;

		private final Clock clock;

		PortalPublisher(DeliveryLog deliveries, PortalArticles articles, LoaProperties loa, Clock clock) {
			this.deliveries = deliveries;
			this.articles = articles;
			this.loa = loa;
			this.clock = clock;
		}

		/**
		 * @return the outcome, or null when another node already took this delivery
		 */
		DeliveryOutcome publish(ChannelDispatch dispatch) {
			String template = dispatch.rendition().templateVersion();
			if (this.deliveries.claim(dispatch.publicationId(), ID, dispatch.target(), ID, template).isEmpty()) {
				return null;
			}
			ContentVersion content = dispatch.content();
			// The rendition was sanitised by PortalTextPolicy; sanitising is cheap, so
			// the
			// stored HTML does not depend on that.
			PortalArticle article = this.articles.publish(content.contentId(), content.version(), content.slug(),
					dispatch.publicationId(), ArticleText.plain(content.title()), ArticleText.plain(content.summary()),
					content.topic(), SafeHtml.sanitize(dispatch.rendition().text()), this.clock.instant());
			return DeliveryOutcome.sent(dispatch.publicationId(), ID, dispatch.target(), ID, article.slug(),
					this.loa.publicUrl("/portal/articles/" + article.slug()), template);
		}

		/**
		 * In the withdrawing transaction, so the item's state and the portal never
		 * disagree.
		 */
		@EventListener
		void on(ContentWithdrawn withdrawn) {
			this.articles.withdraw(withdrawn.contentId(), this.clock.instant());
		}

	}

}
