package vn.loa.channels.portal;

import org.springframework.stereotype.Component;

import vn.loa.channels.ArticleText;

/** The portal's articles, treated as every web channel treats them. */
@Component
class PortalTextPolicy extends ArticleText {

	@Override
	public String channel() {
		return PortalChannel.ID;
	}

}
