package vn.loa.channels.facebook;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The Facebook app Loa acts as: its id, its secret (which signs {@code appsecret_proof}
 * on every Graph call and checks webhook signatures) and the webhook verify token. They
 * come only from the environment variables named in {@code channels/facebook.yml}; in
 * sandbox mode fixed, non-secret values stand in for unset ones. Read per call, so a
 * rotated secret takes effect without a restart. Never logged.
 */
@Component
public class FacebookApp {

	private final FacebookProperties properties;

	private final Environment environment;

	FacebookApp(FacebookProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	public String appId() {
		return value(this.properties.secrets().appIdEnv(), this.properties.sandbox().appId());
	}

	public String appSecret() {
		return value(this.properties.secrets().appSecretEnv(), this.properties.sandbox().appSecret());
	}

	public String verifyToken() {
		return value(this.properties.secrets().verifyTokenEnv(), this.properties.sandbox().verifyToken());
	}

	/** What is missing for live mode, for the channel's health. */
	List<String> missing() {
		List<String> missing = new ArrayList<>();
		for (String env : List.of(this.properties.secrets().appIdEnv(), this.properties.secrets().appSecretEnv(),
				this.properties.secrets().verifyTokenEnv())) {
			String value = this.environment.getProperty(env);
			if (value == null || value.isBlank()) {
				missing.add(env + " is not set");
			}
		}
		return this.properties.sandboxMode() ? List.of() : missing;
	}

	private String value(String env, String sandboxDefault) {
		String value = this.environment.getProperty(env);
		if (value != null && !value.isBlank()) {
			return value;
		}
		return this.properties.sandboxMode() ? sandboxDefault : null;
	}

}
