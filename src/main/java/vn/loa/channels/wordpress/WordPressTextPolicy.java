package vn.loa.channels.wordpress;

import org.springframework.stereotype.Component;

import vn.loa.channels.ArticleText;

/**
 * WordPress posts, treated as the portal's articles are: a site may let Loa's user post
 * unfiltered HTML, so Loa must not rely on WordPress to strip scripts.
 */
@Component
class WordPressTextPolicy extends ArticleText {

	@Override
	public String channel() {
		return WordPressChannel.ID;
	}

}
