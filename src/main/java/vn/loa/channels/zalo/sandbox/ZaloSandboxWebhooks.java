package vn.loa.channels.zalo.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import vn.loa.channels.ChannelHttp;
import vn.loa.channels.zalo.ZaloProperties;
import vn.loa.channels.zalo.ZaloSignature;

/**
 * Calls Loa's {@code /webhooks/zalo} as Zalo does: the event's JSON signed with
 * {@code X-ZEvent-Signature} (app id + body + timestamp + OA secret key), over HTTP on
 * Loa's own port. Public so that the ZNS simulator can send its delivery receipts the
 * same way ({@code server = "ZNS"}).
 */
@Component
public class ZaloSandboxWebhooks {

	private final RestClient http = ChannelHttp.restClient(Duration.ofSeconds(5), Duration.ofSeconds(10));

	private final ZaloProperties properties;

	private final Environment environment;

	private final JsonMapper json;

	ZaloSandboxWebhooks(ZaloProperties properties, Environment environment, JsonMapper json) {
		this.properties = properties;
		this.environment = environment;
		this.json = json;
	}

	/**
	 * Posts {@code event} signed; {@code server} is the {@code X-ZEvent-Server} header
	 * ({@code ZNS} for ZNS receipts) or null.
	 * @return the HTTP status Loa answered
	 */
	public int send(JsonNode event, String server) {
		byte[] body = this.json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
		String signature = ZaloSignature.sign(this.properties.effectiveAppId(), body,
				event.path("timestamp").asString(""), this.properties.effectiveOaSecretKey());
		return send(body, signature, server);
	}

	/** Posts a body with whatever signature the caller chose (for forged-call tests). */
	public int send(byte[] body, String signature, String server) {
		return this.http.post().uri(webhookUrl()).contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (signature != null) {
				headers.set(ZaloSignature.HEADER, signature);
			}
			if (server != null) {
				headers.set("X-ZEvent-Server", server);
			}
		}).body(body).exchange((request, response) -> response.getStatusCode().value());
	}

	private String webhookUrl() {
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		return "http://127.0.0.1:" + port + contextPath + "/webhooks/zalo";
	}

}
