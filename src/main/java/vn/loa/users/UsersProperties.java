package vn.loa.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminPassword the first admin's password in production, from
 * {@code LOA_ADMIN_PASSWORD}; the admin must change it at the first login
 * @param minPasswordLength the fewest characters a password may have (the first admin's
 * and every password set through the API or the console)
 * @param lockout how repeated failed logins slow and then lock an account and a client
 * address
 */
@ConfigurationProperties("loa.users")
record UsersProperties(String adminPassword, @DefaultValue("12") int minPasswordLength, @DefaultValue Lockout lockout) {

	@Override
	public String toString() {
		return "UsersProperties[adminPassword=" + ((this.adminPassword == null) ? "unset" : "set")
				+ ", minPasswordLength=" + this.minPasswordLength + ", lockout=" + this.lockout + "]";
	}

	/**
	 * @param slowAfter failures after which each further attempt must wait, doubling from
	 * {@code slowDelay}
	 * @param slowDelay the first wait once an account is slowed
	 * @param maxFailures failures that lock the account for {@code lockFor}
	 * @param lockFor how long a lock lasts (an admin may lift it earlier); failures older
	 * than this are forgotten
	 * @param maxFailuresPerAddress failures from one client address, whatever the
	 * accounts tried, that block that address for {@code lockFor}
	 */
	record Lockout(@DefaultValue("3") int slowAfter, @DefaultValue("2s") Duration slowDelay,
			@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor,
			@DefaultValue("20") int maxFailuresPerAddress) {
	}

}
