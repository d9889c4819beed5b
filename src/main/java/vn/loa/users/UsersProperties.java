package vn.loa.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminPassword the first admin's password in production, from LOA_ADMIN_PASSWORD
 */
@ConfigurationProperties("loa.users")
record UsersProperties(String adminPassword) {
}
