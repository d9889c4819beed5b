package vn.loa.channels.wordpress.sandbox;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated WordPress sites, under {@code sandbox} in {@code channels/wordpress.yml}.
 *
 * @param username the administrator, who may post unfiltered HTML
 * @param applicationPassword the administrator's application password; not a secret, it
 * only opens the in-process simulator
 * @param timeZone the simulated sites' own time zone setting, in which they read a
 * {@code date}
 * @param accounts further accounts, e.g. an {@code author} (whose markup is filtered as
 * kses filters it) or a {@code contributor} (who may not publish)
 */
@ConfigurationProperties("loa.channels.wordpress.sandbox")
record WordPressSandboxProperties(@DefaultValue("loa-sandbox") String username,
		@DefaultValue("sandbox app password 0000") String applicationPassword,
		@DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone, @DefaultValue List<Account> accounts) {

	/**
	 * @param role {@code administrator}, {@code editor}, {@code author} or
	 * {@code contributor}
	 */
	record Account(String username, String applicationPassword, @DefaultValue("author") String role) {
	}

}
