package vn.loa.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key the Base64 of 32 random bytes that encrypts provider tokens at rest, from
 * {@code LOA_SECRET_KEY}
 * @param required whether Loa refuses to start without {@code key} (production); when
 * not, a key is generated once under the data dir
 */
@ConfigurationProperties("loa.secrets")
record SecretKeyProperties(String key, boolean required) {

	@Override
	public String toString() {
		return "SecretKeyProperties[key=" + ((this.key == null || this.key.isBlank()) ? "unset" : "set") + ", required="
				+ this.required + "]";
	}

}
