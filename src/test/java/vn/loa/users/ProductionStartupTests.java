package vn.loa.users;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.loa.LoaApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Production (demo data off) refuses demo users and needs the first admin's password. */
class ProductionStartupTests {

	@Test
	void refusesToStartWithoutAnAdminPassword() {
		String db = "jdbc:h2:mem:prod-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
		assertThatThrownBy(() -> start(db, "--loa.demo.enabled=false")).hasStackTraceContaining("LOA_ADMIN_PASSWORD");
	}

	@Test
	void refusesToStartWhileADemoUserKeepsTheDemoPassword() {
		String db = "jdbc:h2:mem:prod-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
		start(db, "--loa.demo.enabled=true").close();
		assertThatThrownBy(() -> start(db, "--loa.demo.enabled=false", "--loa.users.admin-password=s3cret-admin-pw"))
			.hasStackTraceContaining("demo password");
	}

	@Test
	void createsTheFirstAdminFromTheEnvironment() {
		String db = "jdbc:h2:mem:prod-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
		try (ConfigurableApplicationContext context = start(db, "--loa.demo.enabled=false",
				"--loa.users.admin-password=s3cret-admin-pw")) {
			UserAccounts accounts = context.getBean(UserAccounts.class);
			assertThat(accounts.find("admin"))
				.hasValueSatisfying(u -> assertThat(u.roles()).containsExactly(Role.ADMIN));
			assertThat(accounts.passwordMatches("admin", "s3cret-admin-pw")).isTrue();
			assertThat(accounts.exists("editor")).isFalse();
		}
	}

	private static ConfigurableApplicationContext start(String db, String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "--spring.datasource.url=" + db;
		all[1] = "--server.port=0";
		all[2] = "--loa.publishing.scheduler-interval=1h";
		System.arraycopy(args, 0, all, 3, args.length);
		return new SpringApplicationBuilder(LoaApplication.class).run(all);
	}

}
