package vn.loa.channels.zalo.zns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import vn.loa.channels.ChannelException;
import vn.loa.channels.ChannelTestSend;
import vn.loa.channels.zalo.ZaloReauthorisationNeeded;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.rendering.TemplateStore;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * One test ZNS through the same client and token as a broadcast: the template the
 * channel's mapping names, each of its parameters (as Zalo lists them) filled with the
 * test text cut to the parameter's length. In sandbox mode it goes to the ZNS simulator.
 */
@Component
class ZnsTestSend implements ChannelTestSend {

	private final ZnsClient client;

	private final ZnsTokens tokens;

	private final ZnsTemplates templates;

	private final TemplateStore store;

	private final ZnsProperties properties;

	ZnsTestSend(ZnsClient client, ZnsTokens tokens, ZnsTemplates templates, TemplateStore store,
			ZnsProperties properties) {
		this.client = client;
		this.tokens = tokens;
		this.templates = templates;
		this.store = store;
		this.properties = properties;
	}

	@Override
	public String channel() {
		return ZnsChannel.ID;
	}

	@Override
	public boolean sandbox() {
		return this.properties.sandbox();
	}

	@Override
	public String sandboxPage(String number) {
		return "/sandbox/zalo/" + number;
	}

	@Override
	public String send(String to, String text) {
		try {
			String token = this.tokens.accessToken();
			String templateId = ZnsTemplates.parse(this.store.source(ZnsChannel.ID, this.properties.template()))
				.templateId();
			Map<String, String> data = new LinkedHashMap<>();
			for (ZnsClient.TemplateParam param : this.templates.template(templateId).params()) {
				int max = Math.max(1, param.maxLength());
				data.put(param.name(), (text.length() > max) ? text.substring(0, max) : text);
			}
			ZnsClient.SendAnswer answer = this.client.send(token, ZnsBroadcastWorker.zaloPhone(to), templateId, data,
					"test-" + UUID.randomUUID().toString().substring(0, 8), this.properties.development());
			if (answer.accepted()) {
				return answer.msgId();
			}
			ZnsStatusTable.Verdict verdict = ZnsStatusTable.classify(answer.error(), answer.message());
			throw new ChannelException(verdict.status(), ZnsStatusTable.PROVIDER, verdict.code(), verdict.message(),
					null);
		}
		catch (ZaloReauthorisationNeeded ex) {
			throw new ChannelException(DeliveryStatus.TECHNICAL_FAILURE, ZnsStatusTable.PROVIDER,
					"NEEDS_REAUTHORISATION", ex.getMessage(), ex);
		}
		catch (RestClientException ex) {
			ZnsStatusTable.Verdict verdict = ZnsStatusTable.transport(ex);
			throw new ChannelException(verdict.status(), ZnsStatusTable.PROVIDER, verdict.code(), verdict.message(),
					ex);
		}
	}

}
