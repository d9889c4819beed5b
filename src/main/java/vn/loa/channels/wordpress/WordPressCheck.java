package vn.loa.channels.wordpress;

import java.util.List;

import vn.loa.channels.ChannelCheck;

import org.springframework.stereotype.Component;

/**
 * Asks every site now who Loa's credentials belong to ({@code GET /wp/v2/users/me}, the
 * same probe as the channel's health), publishing nothing.
 */
@Component
class WordPressCheck implements ChannelCheck {

	private final WordPressProperties properties;

	private final WordPressProbe probe;

	WordPressCheck(WordPressProperties properties, WordPressProbe probe) {
		this.properties = properties;
		this.probe = probe;
	}

	@Override
	public String channel() {
		return WordPressChannel.ID;
	}

	@Override
	public List<Finding> check() {
		return this.properties.sites().stream().map((site) -> {
			WordPressProbe.SiteHealth health = this.probe.probe(site.name());
			String detail = health.up() && health.account() instanceof WordPressAccount.Known known
					? "tài khoản " + known.username() + " (" + String.join(", ", known.roles()) + ") được đăng bài"
					: health.problem();
			return new Finding(site.name(), health.up(), detail);
		}).toList();
	}

}
