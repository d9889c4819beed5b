package vn.loa.channels.radio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code channels/radio.yml}: stations pull scripts from Loa's feeds.
 *
 * @param enabled whether publications may target radio
 * @param template the radio template under {@code templates/radio/}
 * @param feedSize how many of the newest entries a feed lists
 * @param programToleranceSeconds how far a program may be from its target and still count
 * as on target
 * @param stampTtl how long a feed's version stamp is trusted without reading it again
 */
@ConfigurationProperties("loa.channels.radio")
record RadioChannelProperties(@DefaultValue("true") boolean enabled, @DefaultValue("script.md") String template,
		@DefaultValue("50") int feedSize, @DefaultValue("30") int programToleranceSeconds,
		@DefaultValue("1s") java.time.Duration stampTtl) {
}
