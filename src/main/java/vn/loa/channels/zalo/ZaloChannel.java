package vn.loa.channels.zalo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;

import vn.loa.audience.SegmentSpec;
import vn.loa.channels.ChannelDescriptor;
import vn.loa.channels.ChannelDispatch;
import vn.loa.channels.ChannelException;
import vn.loa.channels.CitizenReplies;
import vn.loa.channels.DeliveryFailureAdvice;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.common.LoaProperties;
import vn.loa.content.ContentVersion;
import vn.loa.content.ImageRef;
import vn.loa.deliverylog.DeliveryLogFlow;
import vn.loa.deliverylog.DeliveryStatus;

/**
 * The Zalo OA channel ({@code zalo}): a publication to the OA's followers becomes ONE
 * bulk job of channel {@code zalo}, run by the bulk machinery like an SMS or ZNS
 * broadcast; {@link ZaloOaSender} is its recipient source and sender: one delivery row
 * per follower (SKIPPED {@code OUTSIDE_WINDOW} for those who have not written to the OA
 * lately) and sends the consultation message. With the option {@code zalo.article=true}
 * the job first creates an OA article from the item (cover image, body as text and image
 * blocks) and links it from the message. The channel is unhealthy while the OA
 * NEEDS_REAUTHORISATION; its jobs wait meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class ZaloChannel {

	static final String ID = "zalo";

	/** Where an admin connects the OA again ({@link ZaloConnectPages}). */
	static final String CONNECT_PAGE = "/console/zalo";

	static final String FOLLOWERS = "followers";

	/** Zalo's limit for a consultation text. */
	static final int MAX_CHARS = 2000;

	private static final Parser MARKDOWN = Parser.builder().build();

	private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

	@Bean
	ChannelDescriptor zaloDescriptor(ZaloProperties properties, ZaloOaTokens tokens) {
		return ChannelDescriptor.builder(ID, "Zalo OA (người theo dõi)")
			.enabled(properties.enabled())
			.mode(properties.sandbox() ? "sandbox" : "live")
			.template(properties.template())
			.defaultTargets(List.of(FOLLOWERS))
			.rejectTarget((target) -> FOLLOWERS.equals(target) ? Optional.empty()
					: Optional.of("Kênh Zalo OA chỉ gửi tới \"" + FOLLOWERS + "\" (người theo dõi OA)"))
			.health(() -> {
				ZaloOaTokens.Status status = tokens.status();
				if (status.state() == ZaloOaTokens.State.NEEDS_REAUTHORISATION) {
					return ChannelDescriptor.ChannelHealth
						.needsReauthorisation("NEEDS_REAUTHORISATION: " + status.lastError(), CONNECT_PAGE);
				}
				if (status.state() == ZaloOaTokens.State.NOT_CONNECTED) {
					return ChannelDescriptor.ChannelHealth.notConnected(ZaloAccessTokens.NOT_CONNECTED, CONNECT_PAGE);
				}
				return new ChannelDescriptor.ChannelHealth(true, status.state().name());
			})
			.build();
	}

	@Bean
	IntegrationFlow zalo(BulkJobs jobs, LoaProperties loa, JsonMapper json, Clock clock) {
		return (flow) -> flow
			.handle(ChannelDispatch.class, (dispatch, headers) -> enqueue(dispatch, jobs, loa, json, clock),
					(endpoint) -> endpoint.id("zaloOaEnqueuer")
						.advice(new DeliveryFailureAdvice(ZaloStatusTable.PROVIDER)))
			.channel(DeliveryLogFlow.OUTCOMES);
	}

	@Bean
	CitizenReplies zaloCitizenReplies(ZaloOaClient client) {
		return new CitizenReplies() {

			@Override
			public String channel() {
				return ID;
			}

			/**
			 * A reply is a consultation message; the citizen just wrote, so it is in the
			 * window.
			 */
			@Override
			public String reply(String replyTo, String text) {
				return client.sendText(replyTo, text);
			}

		};
	}

	/** Creates the job (once per publication and target); nothing is sent here. */
	private static Object enqueue(ChannelDispatch dispatch, BulkJobs jobs, LoaProperties loa, JsonMapper json,
			Clock clock) {
		String body = dispatch.rendition().text();
		if (body.length() > MAX_CHARS) {
			throw new ChannelException(DeliveryStatus.PERMANENT_FAILURE, ZaloStatusTable.PROVIDER, "TOO_LONG",
					"Tin nhắn Zalo dài " + body.length() + " ký tự, vượt giới hạn " + MAX_CHARS, null);
		}
		JsonNode article = Boolean.parseBoolean(dispatch.option("article", "false"))
				? json.valueToTree(article(dispatch.content(), loa)) : null;
		jobs.enqueue(ID, dispatch.publicationId(), dispatch.target(), SegmentSpec.all(),
				new ZaloOaPayload(body, article).toJson(), dispatch.rendition().templateVersion(), dispatch.urgent(),
				clock.instant());
		return null;
	}

	/**
	 * The article to create, from the item: its first image as the cover, the body's
	 * paragraphs as text blocks and the other images as image blocks.
	 */
	static Map<String, Object> article(ContentVersion content, LoaProperties loa) {
		Map<String, Object> article = new LinkedHashMap<>();
		article.put("title", content.title());
		article.put("description", (content.summary() != null) ? content.summary() : "");
		List<Map<String, String>> blocks = new ArrayList<>();
		String text = PLAIN.render(MARKDOWN.parse((content.body() != null) ? content.body() : ""));
		for (String paragraph : text.split("\\n\\s*\\n")) {
			if (!paragraph.isBlank()) {
				blocks.add(Map.of("type", "text", "content", paragraph.strip()));
			}
		}
		List<ImageRef> images = content.images();
		if (!images.isEmpty()) {
			ImageRef cover = images.get(0);
			article.put("cover", Map.of("fileName", cover.fileName(), "mediaType", cover.mediaType(), "url",
					loa.publicUrl(cover.path())));
			for (ImageRef image : images.subList(1, images.size())) {
				blocks.add(Map.of("type", "image", "url", loa.publicUrl(image.path()), "caption",
						(image.alt() != null) ? image.alt() : ""));
			}
		}
		article.put("blocks", blocks);
		return article;
	}

}
