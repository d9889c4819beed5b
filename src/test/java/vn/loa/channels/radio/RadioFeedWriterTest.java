package vn.loa.channels.radio;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.loa.channels.radio.RadioFeedWriter.FeedStation;

import static org.assertj.core.api.Assertions.assertThat;

class RadioFeedWriterTest {

	static final String ATOM_NS = "http://www.w3.org/2005/Atom";

	private final RadioFeedWriter writer = new RadioFeedWriter();

	private final FeedStation station = new FeedStation("dien-khanh", "Đài truyền thanh huyện Diên Khánh");

	private final Instant updated = Instant.parse("2026-11-24T02:00:00Z");

	private final List<FeedEntry> entries = List.of(
			new FeedEntry(12, 112L, 7, "PROGRAM", "Chuyên mục cải cách hành chính tháng 11",
					"Kính thưa quý vị. Ủy ban nhân dân tỉnh thông báo...", 720, Instant.parse("2026-11-24T01:30:00Z")),
			new FeedEntry(11, 111L, 5, "ITEM", "Nộp hồ sơ trực tuyến & nhận kết quả <tại nhà>",
					"Tỷ lệ hồ sơ trực tuyến đạt tám mươi mốt phẩy năm phần trăm.", 15,
					Instant.parse("2026-11-23T08:00:00Z")));

	@Test
	void rssParsesWithRomeAndCarriesScriptsAndDurations() throws Exception {
		String rss = this.writer.rss(this.station, this.entries, "http://loa.test", this.updated);
		SyndFeed feed = new SyndFeedInput().build(new StringReader(rss));
		assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
		assertThat(feed.getTitle()).isEqualTo("Loa — Đài truyền thanh huyện Diên Khánh");
		assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
			.containsExactly("Chuyên mục cải cách hành chính tháng 11",
					"Nộp hồ sơ trực tuyến & nhận kết quả <tại nhà>");
		SyndEntry program = feed.getEntries().get(0);
		assertThat(program.getDescription().getValue())
			.isEqualTo("Kính thưa quý vị. Ủy ban nhân dân tỉnh thông báo...");
		assertThat(program.getLink()).isEqualTo("http://loa.test/feeds/radio/dien-khanh/scripts/12.txt");
		assertThat(program.getForeignMarkup()).anySatisfy((element) -> {
			assertThat(element.getName()).isEqualTo("seconds");
			assertThat(element.getText()).isEqualTo("720");
		});
	}

	@Test
	void rssHasTheElementsRss20Requires() throws Exception {
		Document doc = parse(this.writer.rss(this.station, this.entries, "http://loa.test", this.updated));
		Element rss = doc.getDocumentElement();
		assertThat(rss.getTagName()).isEqualTo("rss");
		assertThat(rss.getAttribute("version")).isEqualTo("2.0");
		NodeList channels = rss.getElementsByTagName("channel");
		assertThat(channels.getLength()).isEqualTo(1);
		Element channel = (Element) channels.item(0);
		for (String required : List.of("title", "link", "description")) {
			assertThat(child(channel, required)).as("channel/" + required).isNotBlank();
		}
		NodeList items = channel.getElementsByTagName("item");
		assertThat(items.getLength()).isEqualTo(2);
		for (int i = 0; i < items.getLength(); i++) {
			Element item = (Element) items.item(i);
			// RSS 2.0: an item needs at least a title or a description.
			assertThat(child(item, "title") + child(item, "description")).isNotBlank();
			// Dates are RFC 822 as the spec requires.
			ZonedDateTime.parse(child(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
			Element guid = (Element) item.getElementsByTagName("guid").item(0);
			assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false");
		}
		ZonedDateTime.parse(child(channel, "lastBuildDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
	}

	@Test
	void atomParsesWithRomeAndHasTheElementsAtomRequires() throws Exception {
		String atom = this.writer.atom(this.station, this.entries, "http://loa.test", this.updated);
		SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getEntries()).hasSize(2);
		assertThat(feed.getEntries().get(1).getContents().get(0).getValue())
			.isEqualTo("Tỷ lệ hồ sơ trực tuyến đạt tám mươi mốt phẩy năm phần trăm.");

		Document doc = parse(atom);
		Element root = doc.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("feed");
		assertThat(root.getNamespaceURI()).isEqualTo(ATOM_NS);
		// RFC 4287 4.1.1: atom:id, atom:title, atom:updated; an author on the feed since
		// entries have none; a self link is recommended.
		assertThat(atomChild(root, "id")).startsWith("urn:");
		assertThat(atomChild(root, "title")).isNotBlank();
		OffsetDateTime.parse(atomChild(root, "updated"));
		Element author = (Element) root.getElementsByTagNameNS(ATOM_NS, "author").item(0);
		assertThat(atomChild(author, "name")).isEqualTo("Loa");
		NodeList entries = root.getElementsByTagNameNS(ATOM_NS, "entry");
		assertThat(entries.getLength()).isEqualTo(2);
		for (int i = 0; i < entries.getLength(); i++) {
			Element entry = (Element) entries.item(i);
			assertThat(atomChild(entry, "id")).startsWith("urn:loa:radio:dien-khanh:");
			assertThat(atomChild(entry, "title")).isNotBlank();
			OffsetDateTime.parse(atomChild(entry, "updated"));
			// 4.1.1.1: an entry without content needs an alternate link; this one has
			// both.
			assertThat(atomChild(entry, "content")).isNotBlank();
			assertThat(entry.getElementsByTagNameNS(RadioFeedWriter.LOA.getURI(), "seconds").item(0).getTextContent())
				.isIn("720", "15");
		}
	}

	@Test
	void scriptsKeepTheirLinesAndTheLoaNamespaceIsDeclaredOnce() throws Exception {
		String script = "Kính thưa quý vị.\n\nỦy ban nhân dân tỉnh thông báo:\n  lịch tiếp công dân  tháng mười hai.";
		List<FeedEntry> many = new java.util.ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			many.add(new FeedEntry(i, (long) i, i, "ITEM", "Tin số " + i, script, 30, this.updated));
		}
		for (String xml : List.of(this.writer.rss(this.station, many, "http://loa.test", this.updated),
				this.writer.atom(this.station, many, "http://loa.test", this.updated))) {
			assertThat(xml.split("xmlns:loa=", -1)).hasSize(2);
			Document doc = parse(xml);
			assertThat(doc.getDocumentElement().getAttribute("xmlns:loa")).isEqualTo(RadioFeedWriter.LOA.getURI());
			NodeList seconds = doc.getElementsByTagNameNS(RadioFeedWriter.LOA.getURI(), "seconds");
			assertThat(seconds.getLength()).isEqualTo(5);
			SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
			SyndEntry entry = feed.getEntries().get(0);
			String text = (entry.getDescription() != null) ? entry.getDescription().getValue()
					: entry.getContents().get(0).getValue();
			assertThat(text).isEqualTo(script);
		}
	}

	@Test
	void jsonFollowsJsonFeed11() {
		JsonNode feed = JsonMapper.builder()
			.build()
			.readTree(this.writer.json(this.station, this.entries, "http://loa.test"));
		assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
		assertThat(feed.get("title").asString()).isNotBlank();
		assertThat(feed.get("items")).hasSize(2);
		JsonNode first = feed.get("items").get(0);
		assertThat(first.get("id").asString()).isEqualTo("urn:loa:radio:dien-khanh:12");
		assertThat(first.get("content_text").asString()).startsWith("Kính thưa");
		assertThat(first.get("_loa").get("seconds").asInt()).isEqualTo(720);
		assertThat(first.get("_loa").get("deliveryId").asLong()).isEqualTo(112);
		assertThat(first.get("date_published").asString()).isEqualTo("2026-11-24T01:30:00Z");
	}

	static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

	private static String child(Element parent, String name) {
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
				return element.getTextContent();
			}
		}
		return "";
	}

	private static String atomChild(Element parent, String name) {
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element element && ATOM_NS.equals(element.getNamespaceURI())
					&& element.getLocalName().equals(name)) {
				return element.getTextContent();
			}
		}
		return "";
	}

}
