package vn.loa.common;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommonConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return LoaClock.system();
	}

	/**
	 * One box for every module that keeps provider secrets, so that all of them are
	 * sealed under the same {@code LOA_SECRET_KEY}. Production keeps the key outside the
	 * machine's disk, so that a copy of the data dir or a database dump does not carry
	 * the means to open the tokens in it.
	 */
	@Bean
	@ConditionalOnMissingBean
	SecretBox secretBox(SecretKeyProperties secrets, LoaProperties loa) {
		boolean keyGiven = secrets.key() != null && !secrets.key().isBlank();
		if (!keyGiven && secrets.required()) {
			throw new LoaStartupException(
					"LOA_SECRET_KEY is not set. Production (profile postgres) encrypts provider tokens at rest "
							+ "under this key and will not generate one on the machine's disk.",
					"Set LOA_SECRET_KEY to the Base64 of 32 random bytes, e.g. LOA_SECRET_KEY=\"$(openssl rand "
							+ "-base64 32)\", keep it with the database credentials, and give every node the same key.");
		}
		try {
			return SecretBox.from(secrets.key(), loa.dataDir());
		}
		catch (IllegalArgumentException ex) {
			throw new LoaStartupException(ex.getMessage(),
					"Set LOA_SECRET_KEY to the Base64 of 32 random bytes: openssl rand -base64 32");
		}
	}

}
