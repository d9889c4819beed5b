package vn.loa.channels.radio;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The radio channel's settings.
 *
 * @param publicBaseUrl how stations reach Loa, used for the links inside feeds
 * @param feedSize how many of the newest entries a feed lists
 * @param templates the directory of the radio templates
 * @param programToleranceSeconds how far a program may be from its target and still count
 * as on target
 */
@ConfigurationProperties("loa.channels.radio")
record RadioChannelProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl,
		@DefaultValue("50") int feedSize, @DefaultValue("templates/radio") Path templates,
		@DefaultValue("30") int programToleranceSeconds) {

	RadioChannelProperties {
		while (publicBaseUrl.endsWith("/")) {
			publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
		}
	}

}
