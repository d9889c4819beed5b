package vn.loa.channels.facebook;

import java.util.List;

import vn.loa.channels.ChannelCheck;

import org.springframework.stereotype.Component;

/**
 * Reads each registered Page's latest post with the Page's own token (and the app's
 * proof), so a refused or expired token shows before a publication fails on it. It
 * neither posts nor pauses the Page.
 */
@Component
class FacebookCheck implements ChannelCheck {

	private final FacebookPages pages;

	private final FacebookGraph graph;

	FacebookCheck(FacebookPages pages, FacebookGraph graph) {
		this.pages = pages;
		this.graph = graph;
	}

	@Override
	public String channel() {
		return FacebookPublisher.CHANNEL;
	}

	@Override
	public List<Finding> check() {
		List<FacebookPages.Page> all = this.pages.all();
		if (all.isEmpty()) {
			return List.of(new Finding("Facebook", false, "Chưa đăng ký Trang nào (no Page registered)"));
		}
		return all.stream().map((page) -> {
			String subject = page.name() + " (" + page.pageId() + ")";
			try {
				this.graph.readable(this.pages.token(page.pageId()), page.pageId());
				return new Finding(subject, true, "Mã truy cập Trang dùng được (the Page token works)");
			}
			catch (RuntimeException ex) {
				return new Finding(subject, false, ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
		}).toList();
	}

}
