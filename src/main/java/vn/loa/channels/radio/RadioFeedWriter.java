package vn.loa.channels.radio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a station's feed as RSS 2.0, Atom 1.0 (both through ROME) or JSON Feed 1.1. Each
 * entry carries the read-aloud script as plain text and its reading time in a
 * {@code loa:seconds} element (JSON: {@code _loa.seconds}), since neither RSS nor Atom
 * has a duration of its own.
 */
final class RadioFeedWriter {

	static final Namespace LOA = Namespace.getNamespace("loa", "https://loa.vn/ns/radio");

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * @param station the station the feed is for
	 * @param entries newest first
	 * @param baseUrl the public base URL of Loa, without a trailing slash
	 * @param updated when the feed last changed
	 */
	String rss(FeedStation station, List<FeedEntry> entries, String baseUrl, Instant updated) {
		Channel channel = new Channel("rss_2.0");
		channel.setTitle("Loa — " + station.name());
		channel.setLink(feedUrl(baseUrl, station, "rss"));
		channel.setDescription("Kịch bản phát thanh gửi " + station.name());
		channel.setLanguage("vi");
		channel.setPubDate(Date.from(updated));
		channel.setLastBuildDate(Date.from(updated));
		channel.setGenerator("Loa");
		List<Item> items = new ArrayList<>(entries.size());
		for (FeedEntry entry : entries) {
			Item item = new Item();
			item.setTitle(entry.title());
			item.setLink(scriptUrl(baseUrl, station, entry));
			Guid guid = new Guid();
			guid.setPermaLink(false);
			guid.setValue(entryId(station, entry));
			item.setGuid(guid);
			item.setPubDate(Date.from(entry.publishedAt()));
			Description description = new Description();
			description.setType("text/plain");
			description.setValue(entry.script());
			item.setDescription(description);
			item.setForeignMarkup(durationMarkup(entry));
			items.add(item);
		}
		channel.setItems(items);
		return write(channel);
	}

	String atom(FeedStation station, List<FeedEntry> entries, String baseUrl, Instant updated) {
		Feed feed = new Feed("atom_1.0");
		feed.setId("urn:loa:radio:" + station.code());
		feed.setTitle("Loa — " + station.name());
		feed.setLanguage("vi");
		feed.setUpdated(Date.from(updated));
		Person author = new Person();
		author.setName("Loa");
		feed.setAuthors(List.of(author));
		feed.setOtherLinks(List.of(link("self", feedUrl(baseUrl, station, "atom"), "application/atom+xml")));
		List<Entry> atomEntries = new ArrayList<>(entries.size());
		for (FeedEntry entry : entries) {
			Entry atomEntry = new Entry();
			atomEntry.setId(entryId(station, entry));
			atomEntry.setTitle(entry.title());
			atomEntry.setUpdated(Date.from(entry.publishedAt()));
			atomEntry.setPublished(Date.from(entry.publishedAt()));
			atomEntry.setAlternateLinks(List.of(link("alternate", scriptUrl(baseUrl, station, entry), "text/plain")));
			Content content = new Content();
			content.setType("text");
			content.setValue(entry.script());
			atomEntry.setContents(List.of(content));
			atomEntry.setForeignMarkup(durationMarkup(entry));
			atomEntries.add(atomEntry);
		}
		feed.setEntries(atomEntries);
		return write(feed);
	}

	String json(FeedStation station, List<FeedEntry> entries, String baseUrl) {
		Map<String, Object> feed = new LinkedHashMap<>();
		feed.put("version", "https://jsonfeed.org/version/1.1");
		feed.put("title", "Loa — " + station.name());
		feed.put("feed_url", feedUrl(baseUrl, station, "json"));
		feed.put("language", "vi");
		List<Map<String, Object>> items = new ArrayList<>(entries.size());
		for (FeedEntry entry : entries) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", entryId(station, entry));
			item.put("url", scriptUrl(baseUrl, station, entry));
			item.put("title", entry.title());
			item.put("content_text", entry.script());
			item.put("date_published", entry.publishedAt().toString());
			Map<String, Object> loa = new LinkedHashMap<>();
			loa.put("deliveryId", entry.deliveryId());
			loa.put("contentId", entry.contentId());
			loa.put("kind", entry.kind());
			loa.put("seconds", entry.seconds());
			item.put("_loa", loa);
			items.add(item);
		}
		feed.put("items", items);
		return this.json.writeValueAsString(feed);
	}

	static String feedUrl(String baseUrl, FeedStation station, String format) {
		return baseUrl + "/feeds/radio/" + station.code() + "." + format;
	}

	static String scriptUrl(String baseUrl, FeedStation station, FeedEntry entry) {
		return baseUrl + "/feeds/radio/" + station.code() + "/scripts/" + entry.entryId() + ".txt";
	}

	private static String entryId(FeedStation station, FeedEntry entry) {
		return "urn:loa:radio:" + station.code() + ":" + entry.entryId();
	}

	private static List<Element> durationMarkup(FeedEntry entry) {
		List<Element> markup = new ArrayList<>(2);
		markup.add(new Element("seconds", LOA).setText(Integer.toString(entry.seconds())));
		markup.add(new Element("kind", LOA).setText(entry.kind()));
		return markup;
	}

	private static Link link(String rel, String href, String type) {
		Link link = new Link();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

	/**
	 * The feed without indentation and with the {@code loa} namespace declared once on
	 * the root element rather than on each entry's two elements: a third of the bytes a
	 * poll moves, for the same document.
	 */
	private static String write(WireFeed feed) {
		try {
			Document document = new WireFeedOutput().outputJDom(feed);
			document.getRootElement().addNamespaceDeclaration(LOA);
			return new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8")).outputString(document);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the " + feed.getFeedType() + " feed", ex);
		}
	}

	/** The little a feed needs to know about a station. */
	record FeedStation(String code, String name) {
	}

}
