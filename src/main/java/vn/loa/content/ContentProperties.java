package vn.loa.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxImageBytes the largest image an officer may upload
 */
@ConfigurationProperties("loa.content")
record ContentProperties(@DefaultValue("5242880") long maxImageBytes) {
}
