package vn.loa.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled the embedded default's demo users and sample content; production refuses
 * to start with demo users
 */
@ConfigurationProperties("loa.demo")
public record DemoProperties(boolean enabled) {
}
