package vn.loa.channels.wordpress;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks every site, at start and every {@code probe-interval}, who Loa's credentials
 * belong to ({@code GET /wp/v2/users/me}), so that a wrong application password or an
 * account that may not publish shows as the channel being DOWN, with the reason in
 * Vietnamese, before an officer's publication fails on it. Each node probes for its own
 * health.
 */
@Component
class WordPressProbe {

	private static final Logger log = LoggerFactory.getLogger(WordPressProbe.class);

	private final WordPressProperties properties;

	private final WordPressSender sender;

	private final Map<String, SiteHealth> health = new ConcurrentHashMap<>();

	private final WordPressSites sites;

	WordPressProbe(WordPressProperties properties, WordPressSites sites, WordPressSender sender) {
		this.properties = properties;
		this.sites = sites;
		this.sender = sender;
	}

	/**
	 * What the last probe found.
	 *
	 * @param problem why the site cannot be published to, in Vietnamese; null when it can
	 */
	record SiteHealth(String site, String problem, WordPressAccount account) {

		boolean up() {
			return this.problem == null;
		}

	}

	@Async
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		probeAll();
	}

	@Scheduled(fixedDelayString = "${loa.channels.wordpress.probe-interval:5m}",
			initialDelayString = "${loa.channels.wordpress.probe-interval:5m}")
	void probeAll() {
		if (!this.properties.enabled()) {
			return;
		}
		for (WordPressProperties.Site site : this.properties.sites()) {
			if (!this.sites.simulatorWithoutServer(site)) {
				probe(site.name());
			}
		}
	}

	SiteHealth probe(String site) {
		WordPressAccount account;
		try {
			account = this.sender.account(site);
		}
		catch (RuntimeException ex) {
			account = new WordPressAccount.Refused(0, ex.getClass().getSimpleName(), String.valueOf(ex.getMessage()));
		}
		SiteHealth found = new SiteHealth(site, problem(site, account), account);
		SiteHealth before = this.health.put(site, found);
		if (!found.up() && (before == null || before.up())) {
			log.warn("WordPress site {} cannot be published to: {}", site, found.problem());
		}
		else if (found.up() && before != null && !before.up()) {
			log.info("WordPress site {} can be published to again", site);
		}
		return found;
	}

	Optional<SiteHealth> last(String site) {
		return Optional.ofNullable(this.health.get(site));
	}

	/** Why the account cannot publish, in Vietnamese, with WordPress's own code. */
	static String problem(String site, WordPressAccount account) {
		if (account instanceof WordPressAccount.Known known) {
			return known.publish() ? null : "tài khoản " + known.username() + " không có quyền đăng bài (vai trò: "
					+ String.join(", ", known.roles()) + ")";
		}
		WordPressAccount.Refused refused = (WordPressAccount.Refused) account;
		String said = " (" + ((refused.httpStatus() > 0) ? refused.httpStatus() + " " : "") + refused.code() + ")";
		if (refused.httpStatus() == 401) {
			return "WordPress không nhận tên người dùng hoặc mật khẩu ứng dụng" + said;
		}
		if (refused.httpStatus() == 403) {
			return "tài khoản không đủ quyền trên trang" + said;
		}
		if ("missing_credentials".equals(refused.code())) {
			return "chưa đặt mật khẩu ứng dụng: " + refused.message();
		}
		if ("no_api".equals(refused.code())) {
			return "không tìm thấy REST API của WordPress: " + refused.message();
		}
		return "không kết nối được tới trang" + said + ": " + refused.message();
	}

}
