package vn.loa.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's journey in a real browser (Debian's headless Chromium): an editor writes
 * an item, fixes the field the form points at and submits it; an approver approves and
 * publishes it to the portal; the publication page shows the portal row SENT and the
 * portal shows the article. And the radio pages: an admin creates a station and sees its
 * new token once; an editor assembles a program from approved items and sees its verdict.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTests {

	private static final Duration PATIENCE = ConsoleBrowser.PATIENCE;

	static ConsoleBrowser chromium;

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	ContentService contents;

	@Autowired
	vn.loa.publishing.PublicationService publications;

	@Autowired
	vn.loa.audience.Subscribers subscribers;

	@Autowired
	vn.loa.deliverylog.DeliveryLog deliveries;

	@Autowired
	vn.loa.channels.bulk.BulkJobs jobs;

	@Autowired
	vn.loa.channels.sms.SmsBroadcasts smsBroadcasts;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	WebDriverWait wait;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = ConsoleBrowser.start();
		browser = chromium.driver();
	}

	@AfterAll
	static void stopBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void freshSession() {
		this.wait = new WebDriverWait(browser, PATIENCE);
		browser.get(url("/login"));
		browser.manage().deleteAllCookies();
	}

	@Test
	void aNewcomerWritesGetsApprovalPublishesAndSeesTheDeliveryAndThePortal() throws Exception {
		String title = "Tiếp nhận hồ sơ đất đai qua dịch vụ bưu chính công ích "
				+ UUID.randomUUID().toString().substring(0, 8);

		logIn("editor");
		assertThat(browser.getCurrentUrl()).contains("/console");
		assertThat(text("h1")).isEqualTo("Tổng quan");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
		screenshot("console-dashboard.png");

		click(By.id("new-content"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("content-form")));
		type(By.id("summary"), "Người dân nộp hồ sơ đất đai tại bưu điện xã, nhận kết quả tại nhà.");
		// the live SMS counter under the summary measures the SMS as the template renders
		// it, from POST /api/v1/sms/preview
		WebElement sms = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary-sms")));
		this.wait.until(ExpectedConditions.textMatches(By.id("summary-sms"),
				java.util.regex.Pattern.compile("SMS theo mẫu: \\d tin có dấu \\(UCS-2.*tin không dấu.*")));
		assertThat(sms.getText()).contains("tối đa 5 tin");
		type(By.id("body"), "Từ tháng 10, bộ phận một cửa cấp huyện **tiếp nhận hồ sơ đất đai** qua bưu điện.\n\n"
				+ "Người dân không phải đi lại nhiều lần.");
		// the live read-aloud time under the body, from POST /api/v1/radio/script-preview
		WebElement radio = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("body-radio")));
		assertThat(radio.getText()).startsWith("Đọc trên loa: khoảng").contains(" từ)");
		type(By.id("topic"), "dich-vu-cong");
		click(By.cssSelector("input[name='audiences'][value='CITIZENS_AND_BUSINESSES']"));
		type(By.id("areas"), "56");
		click(By.id("save-content"));

		WebElement titleError = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title-error")));
		assertThat(titleError.getText()).isEqualTo("Không được để trống.");
		assertThat(browser.findElement(By.id("title")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("summary")).getAttribute("value")).startsWith("Người dân nộp hồ sơ");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary-sms")));
		screenshot("console-content-form.png");

		type(By.id("title"), title);
		click(By.id("save-content"));
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), title));
		String itemUrl = browser.getCurrentUrl();
		click(By.id("submit-content"));
		this.wait.until(ExpectedConditions.textToBe(By.id("item-state"), "Chờ duyệt"));
		assertThat(browser.findElements(By.id("approve-content"))).as("the author is not offered approval").isEmpty();

		logOut();
		logIn("approver");
		browser.get(itemUrl);
		click(By.id("approve-content"));
		this.wait.until(ExpectedConditions.textToBe(By.id("item-state"), "Đã duyệt"));

		click(By.id("publish-content"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish-form")));
		// Facebook's verdict shows the post as the Pages' followers will see it.
		WebElement card = browser.findElement(By.cssSelector("#verdict-facebook .post-card"));
		assertThat(card.isDisplayed()).isTrue();
		assertThat(card.findElement(By.className("post-card-link-title")).getText()).isEqualTo(title);
		assertThat(card.findElement(By.className("post-card-text")).getText()).startsWith(title);
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", card);
		screenshot("console-publish-facebook-card.png");
		for (WebElement channel : browser.findElements(By.cssSelector("input[name='channels']"))) {
			if (channel.isSelected() != "portal".equals(channel.getAttribute("value"))) {
				channel.click();
			}
		}
		click(By.id("publish-submit"));

		this.wait.until(ExpectedConditions.urlMatches(".*/console/publications/\\d+$"));
		WebElement portalRow = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#deliveries tr[data-channel='portal'][data-status='SENT']")));
		assertThat(portalRow.findElement(By.cssSelector(".delivery-status")).getText()).isEqualTo("Đã gửi");
		assertThat(browser.findElement(By.id("csv-link")).getAttribute("href")).contains("/deliveries.csv");

		browser.get(url("/portal"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(title)));
		click(By.linkText(title));
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "tiếp nhận hồ sơ đất đai"));

		// a feed reader would download the feed rather than render it, so fetch it
		// plainly
		HttpResponse<String> feed = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/portal/feed.rss"))).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.body()).contains(title);
	}

	@Test
	void aNonAdminSeesTemplatesButCannotOpenTheirEditing() {
		logIn("editor");
		browser.get(url("/console/templates"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("templates-table")));
		assertThat(browser.findElements(By.cssSelector("#templates-table a"))).isEmpty();

		browser.get(url("/console/templates/portal/article.html"));
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Không được phép"));
		assertThat(browser.findElements(By.id("source"))).isEmpty();
	}

	@Test
	void theConsoleSwitchesToEnglish() {
		logIn("approver");
		browser.get(url("/console?lang=en"));
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Dashboard"));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		browser.get(url("/console/contents"));
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Content"));
	}

	@Test
	void anAdminSetsUpAStationWithATokenAndAnEditorAssemblesAProgram() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String code = "van-ninh-" + run;

		logIn("admin");
		click(By.cssSelector(".mainnav a[href$='/console/stations']"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("station-form")));
		assertThat(text("main h1")).isEqualTo("Đài phát thanh");
		type(By.id("code"), code);
		type(By.id("name"), "Đài truyền thanh huyện Vạn Ninh");
		new Select(browser.findElement(By.id("level"))).selectByValue("DISTRICT");
		type(By.id("areaCode"), "56.571");
		type(By.id("wordsPerMinute"), "160");
		click(By.id("create-station"));
		this.wait.until(ExpectedConditions.urlContains("/console/stations/" + code));
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Đài truyền thanh huyện Vạn Ninh"));
		assertThat(text("[data-feed='rss']")).endsWith("/feeds/radio/" + code + ".rss");

		click(By.id("issue-token"));
		WebElement shown = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")));
		String token = shown.getAttribute("value");
		assertThat(token).startsWith("loa_st_").hasSize(50);
		assertThat(text("#issued-token")).contains("chỉ hiển thị một lần");
		WebElement row = browser.findElement(By.cssSelector("#tokens tbody tr"));
		assertThat(row.getText()).contains(token.substring(0, 12) + "…").doesNotContain(token);
		screenshot("console-station-token.png");
		// reloading the page shows the prefix only and issues nothing more
		browser.navigate().refresh();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tokens")));
		assertThat(browser.findElements(By.id("new-token"))).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain(token);
		assertThat(browser.findElements(By.cssSelector("#tokens tbody tr"))).hasSize(1);
		// the station page opened again shows the prefix only
		browser.get(url("/console/stations/" + code));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tokens")));
		assertThat(browser.findElements(By.id("new-token"))).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain(token);
		logOut();

		ContentItem first = approved("Nộp hồ sơ đất đai qua bưu điện " + run,
				"Người dân nộp hồ sơ tại bưu điện xã từ ngày 1/10/2026, nhận kết quả tại nhà.");
		ContentItem second = approved("Đường dây nóng cải cách hành chính " + run,
				"Phản ánh về TTHC xin gọi 0262.8552255 trong giờ hành chính.");
		logIn("editor");
		click(By.cssSelector(".mainnav a[href$='/console/programs']"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("program-form")));
		String title = "Chuyên mục cải cách hành chính " + run;
		type(By.id("title"), title);
		type(By.id("targetMinutes"), "3");
		click(By.id("item-" + first.id()));
		click(By.id("item-" + second.id()));
		type(By.id("order-" + first.id()), "2");
		type(By.id("order-" + second.id()), "1");
		click(By.id("assemble-program"));

		this.wait.until(ExpectedConditions.urlMatches(".*/console/programs/\\d+$"));
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), title));
		assertThat(browser.findElement(By.id("verdict")).getAttribute("data-verdict")).isEqualTo("UNDER");
		assertThat(text("#verdict")).isEqualTo("Ngắn hơn mục tiêu");
		assertThat(text("#program-message")).startsWith("Ngắn hơn thời lượng mục tiêu");
		assertThat(browser.findElements(By.cssSelector("#program-parts tbody tr")))
			.extracting(e -> e.getAttribute("data-kind"))
			.containsExactly("INTRO", "ITEM", "ITEM", "OUTRO");
		assertThat(browser.findElements(By.cssSelector("#program-parts tbody tr[data-kind='ITEM'] a")))
			.extracting(WebElement::getText)
			.containsExactly(second.current().title(), first.current().title());
		assertThat(text("#program-total")).endsWith("giây");
		screenshot("console-program.png");

		click(By.id("program-content"));
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), title));
		assertThat(browser.findElements(By.id("submit-content"))).hasSize(1);
	}

	@Test
	void theMainPagesPassAnAccessibilityCheckAndFitAPhone() throws Exception {
		ContentItem item = approved(
				"Tiếp nhận hồ sơ trực tuyến mức độ 4 tại bộ phận một cửa "
						+ UUID.randomUUID().toString().substring(0, 8),
				"Người dân gọi 0258 3822 222 để được hướng dẫn.");
		List<String> pages = List.of("/console", "/console/contents", "/console/contents/" + item.id(),
				"/console/contents/new", "/console/contents/" + item.id() + "/publish", "/console/publications",
				"/console/publications/1", "/console/approvals", "/console/stations", "/console/programs",
				"/console/templates", "/portal");
		List<String> problems = new java.util.ArrayList<>();
		problems.addAll(accessibility("/login"));
		logIn("admin");
		for (String page : pages) {
			browser.get(url(page));
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
			problems.addAll(accessibility(page));
		}
		String article = browser.findElement(By.cssSelector("a[href*='/portal/articles/']")).getAttribute("href");
		browser.get(article);
		problems.addAll(accessibility(article));
		assertThat(problems).as("accessibility violations (axe-core, WCAG 2 A/AA)").isEmpty();

		phone();
		try {
			for (String page : pages) {
				browser.get(url(page));
				this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
				Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
				assertThat(overflow).as(page + " scrolls sideways at 390 px by").isLessThanOrEqualTo(0L);
				problems.addAll(accessibility(page + " (390 px)"));
			}
			// the menu is one button on a phone, and opens on a tap
			browser.get(url("/console"));
			WebElement toggle = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-toggle")));
			assertThat(browser.findElement(By.cssSelector(".mainnav a[href$='/console/contents']")).isDisplayed())
				.isFalse();
			assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
			screenshot("console-dashboard-phone.png");
			toggle.click();
			this.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".mainnav a[href$='/console/contents']")));
			assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
			screenshot("console-menu-phone.png");
			browser.get(url("/console/contents"));
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content-table")));
			screenshot("console-contents-phone.png");
			browser.get(url("/console/publications/1"));
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deliveries")));
			((JavascriptExecutor) browser).executeScript("document.getElementById('live').scrollIntoView()");
			screenshot("console-publication-phone.png");
			browser.get(url("/console/contents/" + item.id()));
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("item-actions")));
			screenshot("console-item-phone.png");
			browser.get(url("/portal"));
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
			screenshot("portal-phone.png");
		}
		finally {
			desktop();
		}
		assertThat(problems).as("accessibility violations at 390 px").isEmpty();
		browser.get(url("/console/publications/1"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deliveries")));
		screenshot("console-publication.png");
		browser.get(url("/portal"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
		screenshot("portal.png");
	}

	@Test
	void theDailyWorkPagesWorkOnADesktopAndAPhone() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		ContentItem item = approved("Công khai thủ tục hành chính cấp xã " + tag, "Niêm yết tại trụ sở UBND xã.");
		java.time.LocalDateTime at = java.time.LocalDate.now(vn.loa.common.LoaClock.ZONE).plusDays(2).atTime(10, 0);
		long id = this.publications
			.create(new vn.loa.publishing.PublicationRequest(item.id(),
					List.of(new vn.loa.publishing.Target("portal", null)),
					at.atZone(vn.loa.common.LoaClock.ZONE).toOffsetDateTime(), false, java.util.Map.of(), "snv-kh"),
					new vn.loa.publishing.PublicationService.Actor("approver", true))
			.id();
		String month = java.time.YearMonth.from(at).toString();
		List<String> problems = new java.util.ArrayList<>();

		// the calendar: FullCalendar in Vietnamese, weeks from Monday, the entry in the
		// portal's colour; the approver moves it with the list's form
		logIn("approver");
		browser.get(url("/console/calendar?month=" + month));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar[data-ready='true']")));
		WebElement event = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//*[contains(@class,'fc-event')][contains(., '" + tag + "')]")));
		assertThat(event.getText()).contains("10:00");
		String firstDay = browser.findElement(By.cssSelector(".fc-daygrid-day[data-date]")).getAttribute("data-date");
		assertThat(java.time.LocalDate.parse(firstDay).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
		assertThat(text(".fc-toolbar-title").toLowerCase()).contains("tháng");
		problems.addAll(accessibility("/console/calendar"));
		screenshot("console-calendar.png");
		WebElement newTime = browser.findElement(By.id("at-" + id + "-portal"));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", newTime,
				at.withHour(15).toString().substring(0, 16));
		newTime.findElement(By.xpath("./ancestor::form")).submit();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice-ok"),
				"Đã dời lịch phát hành."));
		assertThat(this.publications.get(id).scheduledAt())
			.isEqualTo(at.withHour(15).atZone(vn.loa.common.LoaClock.ZONE).toInstant());
		click(By.id("issue-feed"));
		assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feed-url"))).getText())
			.contains("/feeds/calendar/cal_");
		browser.get(url("/console/calendar?month=" + month + "&lang=en"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar[data-ready='true']")));
		assertThat(text("h1")).isEqualTo("Publishing calendar");
		browser.get(url("/console/calendar?lang=vi"));

		// a publication's chart, and the dashboard's with its table
		browser.get(url("/console/publications/1"));
		this.wait.until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#publication-chart[data-ready='true']")));
		browser.get(url("/console"));
		this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dashboard-chart[data-ready='true']")));
		screenshot("console-dashboard-chart.png");

		// one search box, with or without diacritics
		type(By.id("top-search"), "cong khai thu tuc " + tag);
		browser.findElement(By.id("top-search")).submit();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-items")));
		assertThat(text("#search-items")).contains("Công khai thủ tục hành chính cấp xã " + tag);
		problems.addAll(accessibility("/console/search"));
		screenshot("console-search.png");
		logOut();

		// an admin adds an account, and sends a test SMS from the channels page
		logIn("admin");
		browser.get(url("/console/users"));
		type(By.id("username"), "can.bo." + tag);
		type(By.id("displayName"), "Cán bộ thử " + tag);
		click(By.cssSelector("input[name='roles'][value='APPROVER']"));
		click(By.id("create-user"));
		assertThat(
				this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("temporary-password"))).getText())
			.hasSizeGreaterThanOrEqualTo(12);
		problems.addAll(accessibility("/console/users/can.bo." + tag));
		screenshot("console-user.png");
		browser.get(url("/console/users"));
		problems.addAll(accessibility("/console/users"));
		browser.get(url("/console/channels"));
		problems.addAll(accessibility("/console/channels"));
		click(By.id("test-send-sms"));
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice-ok"), "Đã gửi tin thử."));
		assertThat(text("#channel-tests")).contains("+84900000001");
		screenshot("console-channels.png");
		browser.get(url("/console/account"));
		click(By.id("issue-api-token"));
		assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-token"))).getText())
			.startsWith("loa_");
		assertThat(problems).as("accessibility violations (axe-core, WCAG 2 A/AA)").isEmpty();

		phone();
		try {
			for (String page : List.of("/console/calendar?month=" + month, "/console/users", "/console/channels",
					"/console/search?q=thu+tuc", "/console/account", "/console/users/can.bo." + tag)) {
				browser.get(url(page));
				this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
				Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
				assertThat(overflow).as(page + " scrolls sideways at 390 px by").isLessThanOrEqualTo(0L);
			}
			browser.get(url("/console/calendar?month=" + month));
			this.wait
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calendar[data-ready='true']")));
			// a phone gets the week as a list
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fc-list")));
			screenshot("console-calendar-phone.png");
			browser.get(url("/console/channels"));
			screenshot("console-channels-phone.png");
			browser.get(url("/console/search?q=thu+tuc"));
			screenshot("console-search-phone.png");
			browser.get(url("/console/users"));
			screenshot("console-users-phone.png");
		}
		finally {
			desktop();
		}
	}

	@Test
	void anApproverRetriesABroadcastsSafeRowAndAnAdminChecksAChannel() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		// a broadcast by SMS (urgent, so quiet hours do not hold it) whose one row never
		// reached Twilio
		String area = "B" + tag.substring(0, 6).toUpperCase();
		String phone = "+8493"
				+ String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(9_999_999));
		this.subscribers.subscribe(phone, area, List.of(), "vi", "test");
		ContentItem news = approved("Thông báo mất điện " + tag, "Lịch cắt điện khu vực.");
		long broadcast = this.publications
			.create(new vn.loa.publishing.PublicationRequest(news.id(),
					List.of(new vn.loa.publishing.Target("sms", "area=" + area)), null, true, java.util.Map.of(),
					"snv-kh"), new vn.loa.publishing.PublicationService.Actor("approver", true))
			.id();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.deliveries.find(broadcast, "sms", phone)
				.map((d) -> d.providerReference() != null)
				.orElse(false) && this.jobs.ofPublication(broadcast).stream().allMatch((j) -> j.state().ended()));
		this.jdbc.update("update delivery set status = 'TECHNICAL_FAILURE', error_code = 'ConnectException', "
				+ "error_message = 'Connection refused', provider_reference = null where publication_id = ? and "
				+ "target = ?", broadcast, phone);

		logIn("approver");
		// the retry button sends the broadcast's safe row again, once
		browser.get(url("/console/publications/" + broadcast));
		assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("retry-publication"))).getText())
			.contains("1");
		screenshot("console-publication-retry.png");
		List<String> problems = new java.util.ArrayList<>(accessibility("/console/publications/" + broadcast));
		phone();
		try {
			browser.navigate().refresh();
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("retry-publication")));
			screenshot("console-publication-retry-phone.png");
			assertThat((Long) ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
				.isLessThanOrEqualTo(0L);
			click(By.id("retry-publication"));
		}
		finally {
			desktop();
		}
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.deliveries.find(broadcast, "sms", phone).orElseThrow().providerReference() != null);
		vn.loa.deliverylog.Delivery row = this.deliveries.find(broadcast, "sms", phone).orElseThrow();
		assertThat(row.attempts()).isEqualTo(2);
		assertThat(this.deliveries.events(List.of(row.id())).get(row.id())).singleElement()
			.satisfies((e) -> assertThat(e.actor()).isEqualTo("approver"));
		logOut();

		// an admin checks WordPress's connection and sends a test SMS, on a desktop and a
		// phone
		logIn("admin");
		browser.get(url("/console/channels"));
		click(By.id("check-wordpress"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("check-result")));
		assertThat(text("#check-result")).contains("wordpress");
		screenshot("console-channels-check.png");
		problems.addAll(accessibility("/console/channels"));
		phone();
		try {
			browser.get(url("/console/channels"));
			click(By.id("test-send-sms"));
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice-ok"),
					"Đã gửi tin thử."));
			screenshot("console-channels-test-phone.png");
		}
		finally {
			desktop();
		}
		assertThat(problems).as("accessibility violations (axe-core, WCAG 2 A/AA)").isEmpty();
	}

	@Test
	void anEditorStopsABroadcastThatWaits() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String area = "S" + tag.substring(0, 6).toUpperCase();
		ContentItem news = approved("Tạm dừng cấp nước " + tag, "Lịch tạm dừng cấp nước khu vực.");
		long broadcast = this.publications
			.create(new vn.loa.publishing.PublicationRequest(news.id(),
					List.of(new vn.loa.publishing.Target("sms", "area=" + area)),
					java.time.OffsetDateTime.now().plusDays(2), false, java.util.Map.of(), "snv-kh"),
					new vn.loa.publishing.PublicationService.Actor("approver", true))
			.id();
		// its broadcast job waits an hour, as in quiet hours
		this.smsBroadcasts.enqueue(broadcast, "area=" + area, vn.loa.audience.SegmentSpec.of(null, area),
				"Tạm dừng cấp nước", "v1", false, java.time.Instant.now().plusSeconds(3600));

		logIn("editor");
		browser.get(url("/console/publications/" + broadcast));
		click(By.cssSelector("#stop-broadcast summary"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stop-broadcast-confirm")));
		assertThat(text("#stop-broadcast form")).contains("Tin đã gửi vẫn là đã gửi");
		screenshot("console-publication-stop.png");
		List<String> problems = accessibility("/console/publications/" + broadcast);
		click(By.id("stop-broadcast-confirm"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".stopped-by")));
		assertThat(text(".stopped-by")).contains("theo lệnh của editor");
		assertThat(browser.findElements(By.id("stop-broadcast"))).isEmpty();
		assertThat(this.jobs.ofPublication(broadcast)).singleElement().satisfies((job) -> {
			assertThat(job.state()).isEqualTo(vn.loa.channels.bulk.BulkJob.State.CANCELLED);
			assertThat(job.stoppedBy()).isEqualTo("editor");
		});
		screenshot("console-publication-stopped.png");
		assertThat(problems).as("accessibility violations (axe-core, WCAG 2 A/AA)").isEmpty();
	}

	/**
	 * axe-core's WCAG 2 A and AA rules on the page as it is now, one line per violation
	 * and element.
	 */
	private List<String> accessibility(String page) throws IOException {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		if (page.equals("/login")) {
			browser.get(url("/login"));
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		}
		js.executeScript(axe());
		browser.manage().timeouts().scriptTimeout(PATIENCE);
		Object result = js.executeAsyncScript(
				"""
						var done = arguments[arguments.length - 1];
						axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
						  .then(function (r) {
						    done(r.violations.map(function (v) {
						      return v.id + ' (' + v.impact + '): ' + v.help + ' — '
						        + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' ') + ' ' + n.failureSummary.replace(/\s+/g, ' '); }).join(' | ');
						    }));
						  })
						  .catch(function (e) { done(['axe failed: ' + e]); });
						""");
		List<String> lines = new java.util.ArrayList<>();
		for (Object line : (List<?>) result) {
			lines.add(page + ": " + line);
		}
		return lines;
	}

	private static String axeSource;

	private static String axe() throws IOException {
		if (axeSource == null) {
			try (var in = ConsoleBrowserTests.class.getResourceAsStream("/axe/axe.min.js")) {
				axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		return axeSource;
	}

	private static void phone() {
		browser.manage().window().setSize(new Dimension(390, 844));
	}

	private static void desktop() {
		browser.manage().window().setSize(new Dimension(1280, 1000));
	}

	private ContentItem approved(String title, String body) {
		ContentItem item = this.contents.create(new ContentDraft(title, "Tóm tắt", body, "cai-cach-hanh-chinh",
				List.of(Audience.CITIZENS_AND_BUSINESSES), List.of("571"), List.of(), List.of()), "editor");
		this.contents.submit(item.id(), "editor");
		return this.contents.approve(item.id(), "approver");
	}

	private void logIn(String user) {
		chromium.logIn(url(""), user);
	}

	private void logOut() {
		click(By.cssSelector("form[action$='/logout'] button"));
		this.wait.until(ExpectedConditions.urlContains("/login?logout"));
	}

	private void click(By by) {
		chromium.click(by);
	}

	private void type(By by, String value) {
		chromium.type(by, value);
	}

	private String text(String css) {
		return chromium.text(css);
	}

	private void screenshot(String name) throws IOException {
		chromium.screenshot(name);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
