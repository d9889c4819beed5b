package vn.loa.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.loa.audience.StationLevel;
import vn.loa.audience.Stations;
import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.content.Link;
import vn.loa.content.ReviewState;
import vn.loa.deliverylog.DeliveryStatus;
import vn.loa.publishing.Publication;
import vn.loa.publishing.PublicationRequest;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.PublicationState;
import vn.loa.publishing.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Walks the console's main pages and the portal in Vietnamese, with an item published to
 * the portal, SMS and radio (one station found, one radio target that matches none), an
 * approver refused approval of their own item, a program and a missing item, and fails on
 * any English a service wrote or any raw code (SENT, NO_STATION, wordsPerMinute …) a
 * Vietnamese officer would read.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleLanguageTests {

	/**
	 * English words of the services' messages; none is a Vietnamese word without its
	 * marks.
	 */
	private static final Pattern ENGLISH = Pattern
		.compile("(?i)\\b(the|is|was|must|does|exist|exists|someone|else|matches|only|cannot|while|words|minute|bytes|"
				+ "version|characters|seconds|station|target|approved|allowed|required|found|dispatch|dispatches|"
				+ "content|publication|withdrawn|written|creator|encoding|not|no radio)\\b");

	/** camelCase keys (wordsPerMinute, readSeconds) leaking from metrics or JSON. */
	private static final Pattern CAMEL = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b");

	/** Codes written like enum constants (NO_STATION, UCS_2, OUTCOME_UNKNOWN). */
	private static final Pattern SNAKE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	ContentService contents;

	@Autowired
	PublicationService publications;

	@Autowired
	Stations stations;

	@Test
	void theMainPagesSpeakVietnameseWithRealisticData() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String station = "khanh-hoa-" + run;
		this.stations.create(new Stations.NewStation(station, "Đài Phát thanh và Truyền hình Khánh Hòa",
				StationLevel.PROVINCE, "56", 160));
		ContentItem published = approved("Nộp hồ sơ thủ tục hành chính trực tuyến " + run, "editor");
		Publication publication = this.publications.create(
				new PublicationRequest(published.id(),
						List.of(new Target("portal", null), new Target("sms", null), new Target("radio", null),
								new Target("radio", "area:99")),
						null, true, Map.of("sms.diacritics", "false")),
				new PublicationService.Actor("approver", true));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.publications.get(publication.id()).state() == PublicationState.DISPATCHED);

		ContentItem own = this.contents.create(draft("Lịch tiếp công dân của lãnh đạo UBND tỉnh " + run), "approver");
		this.contents.submit(own.id(), "approver");
		ContentItem second = approved("Đường dây nóng cải cách hành chính " + run, "editor");

		List<String> problems = new ArrayList<>();
		// an approver asks to approve their own item: the refusal is shown on the item
		// page
		MvcResult refused = as("approver", "APPROVER", post("/console/contents/" + own.id() + "/approve").with(csrf()));
		Document ownPage = page("approver", "APPROVER",
				get("/console/contents/" + own.id()).flashAttrs(refused.getFlashMap()));
		assertThat(ownPage.select(".notice-error").text()).as("the refusal is shown").isNotBlank();
		problems.addAll(englishIn("/console/contents/" + own.id() + " (refused)", ownPage));

		MvcResult program = as("editor", "EDITOR",
				post("/console/programs").with(csrf())
					.param("title", "Chuyên mục cải cách hành chính " + run)
					.param("targetMinutes", "5")
					.param("contentIds", String.valueOf(published.id()), String.valueOf(second.id())));
		String programUrl = program.getResponse().getRedirectedUrl();
		assertThat(programUrl).as("the program was assembled").matches(".*/console/programs/\\d+$");

		Document portal = page("editor", "EDITOR", get("/portal"));
		String article = portal.select("a[href*=/portal/articles/]").attr("href");
		assertThat(article).isNotBlank();

		List<String> pages = List.of("/console", "/console/contents", "/console/contents/" + published.id(),
				"/console/contents/" + published.id() + "/versions/1", "/console/contents/" + own.id(),
				"/console/contents/" + second.id() + "/publish", "/console/contents/new", "/console/publications",
				"/console/publications/" + publication.id(), "/console/approvals", "/console/stations",
				"/console/stations/" + station, "/console/programs", programUrl, "/console/templates",
				"/console/contents/999999", "/console/publications/999999", "/portal", article);
		for (String path : pages) {
			MvcResult shown = as("admin", "ADMIN", get(path).with(user("admin").roles("EDITOR", "APPROVER", "ADMIN")));
			assertThat(shown.getResponse().getStatus()).as(path).isEqualTo(path.endsWith("999999") ? 404 : 200);
			Document document = page("admin", "ADMIN",
					get(path).with(user("admin").roles("EDITOR", "APPROVER", "ADMIN")));
			problems.addAll(englishIn(path, document));
		}
		assertThat(problems).as("English or raw codes on Vietnamese pages").isEmpty();
	}

	@Test
	void theApiAnswersInEnglishUnlessAskedForVietnamese() throws Exception {
		MvcResult english = as("editor", "EDITOR", get("/api/v1/contents/999999"));
		assertThat(english.getResponse().getStatus()).isEqualTo(404);
		assertThat(english.getResponse().getContentAsString()).contains("Content 999999 does not exist");
		MvcResult vietnamese = as("editor", "EDITOR",
				get("/api/v1/contents/999999").header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5"));
		assertThat(vietnamese.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("Bài 999999 không tồn tại.");
	}

	@Test
	void everyMessageHasBothLanguages() throws Exception {
		Set<String> vietnamese = keys("/messages.properties");
		Set<String> english = keys("/messages_en.properties");
		assertThat(english).as("keys missing in messages_en.properties")
			.containsAll(vietnamese)
			.as("keys missing in messages.properties")
			.hasSameSizeAs(vietnamese);
	}

	private static Set<String> keys(String resource) throws Exception {
		java.util.Properties properties = new java.util.Properties();
		try (var in = ConsoleLanguageTests.class.getResourceAsStream(resource)) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties.stringPropertyNames();
	}

	/**
	 * What a reader sees: text outside code and user-written sources, and tooltips,
	 * labels, placeholders.
	 */
	static List<String> englishIn(String path, Document document) {
		document.select("pre, code, textarea, script, style, iframe, [lang=en]").remove();
		List<String> texts = new ArrayList<>();
		texts.add(document.title());
		texts.add(document.body().text());
		for (Element element : document.select("[title], [aria-label], [placeholder], [alt]")) {
			Stream.of("title", "aria-label", "placeholder", "alt")
				.map(element::attr)
				.filter(v -> !v.isBlank())
				.forEach(texts::add);
		}
		Set<String> raw = rawCodes();
		Set<String> found = new LinkedHashSet<>();
		for (String text : texts) {
			for (Pattern pattern : List.of(ENGLISH, CAMEL, SNAKE)) {
				Matcher matcher = pattern.matcher(text);
				while (matcher.find()) {
					found.add(context(text, matcher.start(), matcher.end()));
				}
			}
			for (String word : text.split("[^A-Za-z0-9_]+")) {
				if (raw.contains(word)) {
					found.add(word);
				}
			}
		}
		return found.stream().map(f -> path + ": " + f).toList();
	}

	private static Set<String> rawCodes() {
		Set<String> codes = new LinkedHashSet<>();
		Stream.of(DeliveryStatus.values()).map(Enum::name).forEach(codes::add);
		Stream.of(ReviewState.values()).map(Enum::name).forEach(codes::add);
		Stream.of(PublicationState.values()).map(Enum::name).forEach(codes::add);
		Stream.of(StationLevel.values()).map(Enum::name).forEach(codes::add);
		Stream.of(Audience.values()).map(Enum::name).forEach(codes::add);
		codes.addAll(List.of("UNDER", "OVER", "INTRO", "ITEM", "OUTRO", "PROGRAM"));
		return codes;
	}

	private static String context(String text, int start, int end) {
		return "…" + text.substring(Math.max(0, start - 30), Math.min(text.length(), end + 30)) + "…";
	}

	private ContentItem approved(String title, String author) {
		ContentItem item = this.contents.create(draft(title), author);
		this.contents.submit(item.id(), author);
		return this.contents.approve(item.id(), "approver".equals(author) ? "admin" : "approver");
	}

	private static ContentDraft draft(String title) {
		return new ContentDraft(title, "Người dân nộp hồ sơ, theo dõi tiến độ và nhận kết quả tại nhà.", """
				Từ ngày 01/7/2021, hơn 1.200 thủ tục hành chính được cung cấp **trực tuyến**.

				Mọi vướng mắc xin gọi đường dây nóng 0258 3822 222 (7h30 – 17h00).
				""", "cai-cach-hanh-chinh", List.of(Audience.CITIZENS_AND_BUSINESSES), List.of("56"),
				List.of(new Link("Cổng dịch vụ công tỉnh", "https://dichvucong.example.vn")), List.of());
	}

	private Document page(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = as(name, role, request);
		return Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	private MvcResult as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		// a request that already names its user keeps it
		return this.mvc
			.perform(request
				.with((r) -> (r.getUserPrincipal() != null) ? r : user(name).roles(role).postProcessRequest(r)))
			.andReturn();
	}

}
