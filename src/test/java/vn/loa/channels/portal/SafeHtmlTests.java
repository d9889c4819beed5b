package vn.loa.channels.portal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeHtmlTests {

	@Test
	void keepsDocumentStructureFromMarkdown() {
		String html = SafeHtml.fromMarkdown("""
				## Thủ tục hành chính trực tuyến

				Người dân có thể nộp hồ sơ **cấp đổi giấy phép lái xe** qua Cổng dịch vụ công.

				- Bước 1: đăng nhập bằng VNeID
				- Bước 2: chọn thủ tục

				> Không thu phí đối với hồ sơ nộp trực tuyến.

				`mã hồ sơ` và [hướng dẫn](https://dichvucong.gov.vn/huong-dan)

				![Sơ đồ quy trình](/media/so-do.png)
				""");
		assertThat(html).contains("<h2>Thủ tục hành chính trực tuyến</h2>")
			.contains("<strong>cấp đổi giấy phép lái xe</strong>")
			.contains("<li>Bước 1: đăng nhập bằng VNeID</li>")
			.contains("<blockquote>")
			.contains("<code>mã hồ sơ</code>")
			.contains("<img src=\"/media/so-do.png\" alt=\"Sơ đồ quy trình\" />");
		assertThat(html).containsPattern("<a href=\"https://dichvucong.gov.vn/huong-dan\" rel=\"nofollow noopener\"");
	}

	@Test
	void dropsScriptsAndStyles() {
		String html = SafeHtml.fromMarkdown("""
				Đoạn mở đầu.

				<script>alert('xss')</script>
				<style>body{display:none}</style>

				<p>Đoạn <script>document.cookie</script>kết thúc.</p>
				""");
		assertThat(html).doesNotContainIgnoringCase("<script")
			.doesNotContainIgnoringCase("alert(")
			.doesNotContainIgnoringCase("<style")
			.doesNotContain("display:none")
			.doesNotContain("document.cookie")
			.contains("Đoạn mở đầu.");
	}

	@Test
	void dropsEventHandlersAndJavascriptUrls() {
		String html = SafeHtml.fromMarkdown("""
				<img src="x.png" onerror="alert(1)">
				<img src="javascript:alert(2)">
				<img src="data:image/svg+xml;base64,PHN2Zz4=">
				<a href="javascript:alert(3)" onclick="alert(4)">bấm</a>
				<a href="JaVaScRiPt&#58;alert(5)">bấm nữa</a>

				[liên kết](javascript:alert(6)) <div onmouseover="alert(7)">ô</div>
				<iframe src="https://example.com"></iframe>
				""");
		assertThat(html).doesNotContainIgnoringCase("onerror")
			.doesNotContainIgnoringCase("onclick")
			.doesNotContainIgnoringCase("onmouseover")
			.doesNotContainIgnoringCase("javascript")
			.doesNotContain("data:image")
			.doesNotContain("alert(")
			.doesNotContainIgnoringCase("<iframe")
			.contains("<img src=\"x.png\" />")
			.contains("bấm");
	}

	@Test
	void keepsTablesButNotTheirStyling() {
		String html = SafeHtml.sanitize("""
				<table style="background:url(javascript:alert(1))"><thead><tr><th scope="col">Chỉ tiêu</th></tr></thead>
				<tbody><tr><td colspan="2" class="x">20 tin bài/năm</td></tr></tbody></table>
				""");
		assertThat(html).contains("<table>")
			.contains("<th scope=\"col\">Chỉ tiêu</th>")
			.contains("<td colspan=\"2\">20 tin bài/năm</td>")
			.doesNotContain("style")
			.doesNotContain("class");
	}

	@Test
	void keepsTemplateClassesButNothingThatLooksLikeStyleOrScript() {
		String html = SafeHtml.sanitize("""
				<article class="article"><p class="summary">Tóm tắt</p><div class="body" style="color:red">x</div>
				<p class="a&quot; onclick=&quot;alert(1)">y</p><ul class="links"></ul></article>""");
		assertThat(html).contains("<article class=\"article\">")
			.contains("<p class=\"summary\">Tóm tắt</p>")
			.contains("<div class=\"body\">x</div>")
			.doesNotContain("style")
			.doesNotContain("onclick")
			.doesNotContain("alert");
	}

	@Test
	void emptyBodyGivesEmptyHtml() {
		assertThat(SafeHtml.fromMarkdown("  ")).isEmpty();
		assertThat(SafeHtml.sanitize(null)).isEmpty();
	}

	@Test
	void reportsWhatItTakesOutEachKindOnce() {
		List<SafeHtml.Removal> removals = SafeHtml.removals("""
				Đoạn có ảnh <img src="x.png" onerror="alert(1)"> và <img src="y.png" onerror="alert(2)">.

				<a href="javascript:alert(3)">bấm</a> hoặc [bấm nữa](javascript:alert(4))

				<script>alert(5)</script>

				<font color="red">chữ đỏ</font> và <a href="https://dichvucong.gov.vn">cổng</a>
				""");
		assertThat(removals).containsExactly(new SafeHtml.Removal(SafeHtml.Removal.Kind.HANDLER, "img", "onerror"),
				new SafeHtml.Removal(SafeHtml.Removal.Kind.LINK, "a", "href"),
				new SafeHtml.Removal(SafeHtml.Removal.Kind.ELEMENT, "script", null),
				new SafeHtml.Removal(SafeHtml.Removal.Kind.TAG, "font", null));
		assertThat(SafeHtml
			.removals("Bài **bình thường** với [liên kết](https://dichvucong.gov.vn) và ![ảnh](/media/a.png)."))
			.isEmpty();
	}

}
