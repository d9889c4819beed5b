package vn.loa.users;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.loa.common.DemoProperties;
import vn.loa.common.LoaProperties;

/**
 * Creates the demo users on the embedded default; in production creates the first admin
 * from LOA_ADMIN_PASSWORD and refuses to start while any account still has the demo
 * password.
 */
@Component
@Order(0)
class UsersBootstrap implements ApplicationRunner {

	static final String DEMO_PASSWORD = "loa-demo";

	private static final Logger log = LoggerFactory.getLogger(UsersBootstrap.class);

	private final UserAccounts accounts;

	private final DemoProperties demo;

	private final UsersProperties properties;

	private final LoaProperties loa;

	UsersBootstrap(UserAccounts accounts, DemoProperties demo, UsersProperties properties, LoaProperties loa) {
		this.accounts = accounts;
		this.demo = demo;
		this.properties = properties;
		this.loa = loa;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.demo.enabled()) {
			createDemoUser("editor", "Biên tập viên (demo)", Role.EDITOR);
			createDemoUser("editor2", "Biên tập viên 2 (demo)", Role.EDITOR);
			createDemoUser("approver", "Lãnh đạo phê duyệt (demo)", Role.APPROVER);
			createDemoUser("admin", "Quản trị (demo)", Role.ADMIN);
			log.info("Loa is running with demo users: open {} and log in as editor, approver or admin "
					+ "with the password {}", this.loa.publicUrl("/console"), DEMO_PASSWORD);
			return;
		}
		for (String user : new String[] { "editor", "editor2", "approver", "admin" }) {
			if (this.accounts.passwordMatches(user, DEMO_PASSWORD)) {
				throw new IllegalStateException("The demo user '" + user + "' exists with the demo password; "
						+ "production refuses to start with demo users (remove it or change its password)");
			}
		}
		if (!this.accounts.exists("admin")) {
			String password = this.properties.adminPassword();
			if (password == null || password.isBlank()) {
				throw new IllegalStateException(
						"No admin account exists: set LOA_ADMIN_PASSWORD to create the first admin");
			}
			this.accounts.create("admin", "Quản trị", password, Set.of(Role.ADMIN));
			log.info("Created the admin account from LOA_ADMIN_PASSWORD");
		}
	}

	private void createDemoUser(String username, String name, Role role) {
		if (!this.accounts.exists(username)) {
			this.accounts.create(username, name, DEMO_PASSWORD, Set.of(role));
		}
	}

}
