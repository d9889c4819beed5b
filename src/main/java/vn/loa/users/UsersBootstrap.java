package vn.loa.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.loa.common.DemoProperties;
import vn.loa.common.LoaProperties;
import vn.loa.common.LoaStartupException;

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
				throw new LoaStartupException(
						"The demo user '" + user + "' exists with the demo password; "
								+ "production refuses to start with demo users.",
						"Remove the account or change its password, or use a database the embedded demo never used.");
			}
		}
		if (!this.accounts.exists("admin")) {
			String password = this.properties.adminPassword();
			int min = this.properties.minPasswordLength();
			if (password == null || password.isBlank()) {
				throw new LoaStartupException(
						"No admin account exists: set LOA_ADMIN_PASSWORD to create the first admin.",
						"Start Loa once with LOA_ADMIN_PASSWORD set to a password of at least " + min
								+ " characters; the admin logs in as 'admin' with it and must change it at once.");
			}
			if (password.length() < min) {
				throw new LoaStartupException(
						"LOA_ADMIN_PASSWORD has " + password.length() + " characters; production refuses a password "
								+ "shorter than " + min + " characters.",
						"Set LOA_ADMIN_PASSWORD to a password of at least " + min + " characters.");
			}
			this.accounts.createFirstAdmin(password);
			log.info("Created the first admin account 'admin' from LOA_ADMIN_PASSWORD; "
					+ "it must change its password at the first login");
		}
	}

	private void createDemoUser(String username, String name, Role role) {
		if (!this.accounts.exists(username)) {
			this.accounts.createDemo(username, name, DEMO_PASSWORD, role);
		}
	}

}
