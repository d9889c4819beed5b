package vn.loa.channels.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

import vn.loa.common.LoaProperties;

/**
 * Builds the portal's RSS 2.0 and Atom 1.0 feeds with ROME. Entries carry the summary as
 * plain text and the sanitised article HTML as content, so feed readers never receive
 * anything the portal page itself would not show.
 */
final class PortalFeeds {

	enum Format {

		RSS("rss_2.0", "application/rss+xml;charset=UTF-8"), ATOM("atom_1.0", "application/atom+xml;charset=UTF-8");

		final String romeType;

		final String mediaType;

		Format(String romeType, String mediaType) {
			this.romeType = romeType;
			this.mediaType = mediaType;
		}

	}

	private final PortalProperties properties;

	private final LoaProperties loa;

	PortalFeeds(PortalProperties properties, LoaProperties loa) {
		this.properties = properties;
		this.loa = loa;
	}

	/**
	 * The feed as of {@code lastChange} (the newest publication, replacement or
	 * withdrawal), which is its {@code lastBuildDate} / {@code updated}: the same
	 * articles give the same bytes, so a validator taken from {@code lastChange} is
	 * honest.
	 */
	String build(Format format, List<PortalArticle> articles, Instant lastChange) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(format.romeType);
		feed.setEncoding("UTF-8");
		feed.setLanguage("vi");
		feed.setTitle(this.properties.title());
		feed.setDescription(this.properties.description());
		feed.setLink(this.loa.publicUrl("/portal"));
		feed.setUri(this.loa.publicUrl("/portal"));
		SyndLink self = new SyndLinkImpl();
		self.setRel("self");
		self.setType(format.mediaType.substring(0, format.mediaType.indexOf(';')));
		self.setHref(this.loa.publicUrl((format == Format.RSS) ? "/portal/feed.rss" : "/portal/feed.atom"));
		SyndLink alternate = new SyndLinkImpl();
		alternate.setRel("alternate");
		alternate.setType("text/html");
		alternate.setHref(this.loa.publicUrl("/portal"));
		feed.setLinks(List.of(alternate, self));
		Date newest = articles.stream()
			.map(PortalArticle::publishedAt)
			.max(java.util.Comparator.naturalOrder())
			.map(Date::from)
			.orElseGet(() -> Date.from(Instant.EPOCH));
		feed.setPublishedDate(newest);
		List<SyndEntry> entries = new ArrayList<>();
		for (PortalArticle article : articles) {
			entries.add(entry(article));
		}
		feed.setEntries(entries);
		WireFeed wire = feed.createWireFeed();
		Date built = Date.from(lastChange.isAfter(newest.toInstant()) ? lastChange : newest.toInstant());
		if (wire instanceof Channel channel) {
			channel.setLastBuildDate(built);
		}
		else if (wire instanceof Feed atom) {
			atom.setUpdated(built);
		}
		try {
			// JDOM's pretty format ends lines with CRLF; feeds are served with LF
			org.jdom2.output.Format pretty = org.jdom2.output.Format.getPrettyFormat()
				.setEncoding("UTF-8")
				.setLineSeparator(LineSeparator.UNIX);
			return new XMLOutputter(pretty).outputString(new WireFeedOutput().outputJDom(wire));
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the portal " + format + " feed", ex);
		}
	}

	/** Line breaks as LF: text typed in a browser's text box arrives with CRLF. */
	private static String lf(String text) {
		return (text != null) ? text.replace("\r\n", "\n").replace('\r', '\n') : null;
	}

	private SyndEntry entry(PortalArticle article) {
		String url = this.loa.publicUrl("/portal/articles/" + article.slug());
		SyndEntry entry = new SyndEntryImpl();
		entry.setTitle(lf(article.title()));
		entry.setLink(url);
		entry.setUri(url);
		entry.setPublishedDate(Date.from(article.publishedAt()));
		entry.setUpdatedDate(Date.from(article.updatedAt()));
		SyndContent description = new SyndContentImpl();
		description.setType("text/plain");
		description.setValue(lf(article.summary()));
		entry.setDescription(description);
		SyndContent content = new SyndContentImpl();
		content.setType("text/html");
		content.setValue(lf(article.bodyHtml()));
		entry.setContents(List.of(content));
		if (article.topic() != null && !article.topic().isBlank()) {
			SyndCategory category = new SyndCategoryImpl();
			category.setName(article.topic());
			entry.setCategories(List.of(category));
		}
		return entry;
	}

}
