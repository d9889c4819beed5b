package vn.loa.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Failed logins slow and then lock an account, and block a client address, for the
 * console's form login and the API's HTTP Basic alike; the answers are the same for
 * accounts that do not exist; an admin unlocks; each lock and unlock is audited. And an
 * account whose password came from the environment is held to changing it. Time is a
 * clock the test moves (defaults: slowed after 3 failures, locked for 15 minutes after 5,
 * an address blocked after 20).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountSecurityTests {

	private static final String PASSWORD = "correct-horse-battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Test
	void formLoginIsSlowedThenLockedWithTheSameMessageWhetherTheAccountExistsOrNot() throws Exception {
		account("form-user");
		for (String username : new String[] { "form-user", "no-such-user" }) {
			String address = "10.1.0." + username.length();
			for (int i = 1; i <= 3; i++) {
				formLogin(username, "wrong", address).andExpect(redirectedUrl("/login?error"));
			}
			// slowed: even the right password must wait
			formLogin(username, PASSWORD, address).andExpect(redirectedUrl("/login?locked"));
			this.clock.move(Duration.ofSeconds(3));
			formLogin(username, "wrong", address).andExpect(redirectedUrl("/login?error"));
			this.clock.move(Duration.ofSeconds(5));
			// the fifth failure locks
			formLogin(username, "wrong", address).andExpect(redirectedUrl("/login?locked"));
			formLogin(username, PASSWORD, address).andExpect(redirectedUrl("/login?locked"));
		}
		this.mvc.perform(get("/login").param("locked", ""))
			.andExpect(content().string(containsString("Tạm khóa đăng nhập vì đã nhập sai nhiều lần")));
		this.clock.move(Duration.ofMinutes(14));
		formLogin("form-user", PASSWORD, "10.1.0.9").andExpect(redirectedUrl("/login?locked"));
		this.clock.move(Duration.ofMinutes(2));
		formLogin("form-user", PASSWORD, "10.1.0.9").andExpect(redirectedUrl("/console"));
		assertThat(events("form-user")).contains(SecurityEvents.LOGIN_LOCKED);
	}

	@Test
	void basicAuthCountsTooAndAnAdminUnlocks() throws Exception {
		account("basic-user");
		for (int i = 1; i <= 3; i++) {
			basic("basic-user", "wrong", "10.2.0.1").andExpect(status().isUnauthorized());
		}
		basic("basic-user", PASSWORD, "10.2.0.1").andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.detail").value(containsString("Too many failed logins")));
		this.clock.move(Duration.ofSeconds(3));
		basic("basic-user", "wrong", "10.2.0.1").andExpect(status().isUnauthorized());
		this.clock.move(Duration.ofSeconds(5));
		basic("basic-user", "wrong", "10.2.0.1").andExpect(status().isTooManyRequests());
		basic("basic-user", PASSWORD, "10.2.0.2").andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "900"));

		this.mvc.perform(get("/api/v1/users").with(httpBasic("admin", "loa-demo")))
			.andExpect(jsonPath("$[?(@.username == 'basic-user')].lockedUntil").isNotEmpty());
		this.mvc.perform(post("/api/v1/users/basic-user/unlock").with(httpBasic("basic-user", PASSWORD)))
			.andExpect(status().isTooManyRequests());
		this.mvc.perform(post("/api/v1/users/basic-user/unlock").with(httpBasic("editor", "loa-demo")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/users/basic-user/unlock").with(httpBasic("admin", "loa-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lockedUntil").doesNotExist());
		basic("basic-user", PASSWORD, "10.2.0.1").andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/users/security-events").with(httpBasic("admin", "loa-demo")))
			.andExpect(jsonPath("$[?(@.username == 'basic-user' && @.kind == 'LOGIN_LOCKED')]").isNotEmpty())
			.andExpect(jsonPath(
					"$[?(@.username == 'basic-user' && @.kind == 'ACCOUNT_UNLOCKED' " + "&& @.actor == 'admin')]")
				.isNotEmpty());
	}

	@Test
	void anAddressThatFailsTooOftenIsBlockedForEveryAccount() throws Exception {
		account("victim-user");
		for (int i = 1; i < 20; i++) {
			basic("guess-" + i, "wrong", "10.3.0.1").andExpect(status().isUnauthorized());
		}
		// the twentieth failure blocks the address
		basic("guess-20", "wrong", "10.3.0.1").andExpect(status().isTooManyRequests());
		basic("victim-user", PASSWORD, "10.3.0.1").andExpect(status().isTooManyRequests());
		formLogin("victim-user", PASSWORD, "10.3.0.1").andExpect(redirectedUrl("/login?locked"));
		basic("victim-user", PASSWORD, "10.3.0.2").andExpect(status().isOk());
		assertThat(this.jdbc
			.sql("select count(*) from security_event where kind = 'ADDRESS_BLOCKED' " + "and address = '10.3.0.1'")
			.query(Long.class)
			.single()).isEqualTo(1);
		this.mvc
			.perform(post("/api/v1/users/login-blocks/unblock").with(httpBasic("admin", "loa-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"address\":\"10.3.0.1\"}"))
			.andExpect(jsonPath("$.unblocked").value(true));
		basic("victim-user", PASSWORD, "10.3.0.1").andExpect(status().isOk());
	}

	@Test
	void anAccountWithAPasswordFromTheEnvironmentIsSentToChangeItFirst() throws Exception {
		account("first-admin");
		this.jdbc.sql("update app_user set must_change_password = true where username = 'first-admin'").update();
		MockHttpSession session = (MockHttpSession) formLogin("first-admin", PASSWORD, "10.4.0.1")
			.andExpect(redirectedUrl("/console"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/password"));
		this.mvc.perform(get("/console/contents").session(session)).andExpect(redirectedUrl("/console/password"));
		this.mvc.perform(get("/console/password").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"password-required\"")));
		this.mvc
			.perform(post("/console/password").session(session)
				.with(csrf())
				.param("currentPassword", PASSWORD)
				.param("newPassword", "too-short")
				.param("repeatPassword", "too-short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mật khẩu mới phải có ít nhất 12 ký tự")));
		basic("first-admin", PASSWORD, "10.4.0.1").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(containsString("password-change-required")));
		this.mvc
			.perform(post("/console/password").session(session)
				.with(csrf())
				.param("currentPassword", PASSWORD)
				.param("newPassword", "a-new-long-password")
				.param("repeatPassword", "a-new-long-password"))
			.andExpect(redirectedUrl("/console"));
		this.mvc.perform(get("/console").session(session)).andExpect(status().isOk());
		basic("first-admin", "a-new-long-password", "10.4.0.1").andExpect(status().isOk());
		assertThat(events("first-admin")).contains(SecurityEvents.PASSWORD_CHANGED);
	}

	private void account(String username) {
		this.accounts.create(username, username, PASSWORD, Set.of(Role.EDITOR));
	}

	private java.util.List<String> events(String username) {
		return this.jdbc.sql("select kind from security_event where username = :u")
			.param("u", username)
			.query(String.class)
			.list();
	}

	private ResultActions formLogin(String username, String password, String address) throws Exception {
		return this.mvc.perform(
				from(address, post("/login").with(csrf()).param("username", username).param("password", password)));
	}

	private ResultActions basic(String username, String password, String address) throws Exception {
		return this.mvc.perform(from(address, get("/api/v1/contents").with(httpBasic(username, password))));
	}

	private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
		return request.with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
	}

	/** A clock the test moves forward; it starts at the real time. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

		void move(Duration duration) {
			this.now.updateAndGet(t -> t.plus(duration));
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Ho_Chi_Minh");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
