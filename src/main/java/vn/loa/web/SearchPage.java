package vn.loa.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.loa.audience.Subscriber;
import vn.loa.audience.Subscribers;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.publishing.Publication;
import vn.loa.publishing.PublicationService;
import vn.loa.units.UnitScope;
import vn.loa.units.Units;

/**
 * One search box for the console: content by title, summary and body (with or without
 * Vietnamese diacritics), publications by number or by their content, and subscribers by
 * phone number — numbers only for the officers who work with citizens (editors and
 * approvers, the inbox's rule; an admin who is neither sees none).
 */
@Controller
class SearchPage {

	private static final Pattern PUBLICATION_ID = Pattern.compile("#?(\\d{1,12})");

	private static final int MOST = 20;

	private final ContentService contents;

	private final PublicationService publications;

	private final DeliveryLog deliveries;

	private final Subscribers subscribers;

	private final Units units;

	SearchPage(ContentService contents, PublicationService publications, DeliveryLog deliveries,
			Subscribers subscribers, Units units) {
		this.contents = contents;
		this.publications = publications;
		this.deliveries = deliveries;
		this.subscribers = subscribers;
		this.units = units;
	}

	@GetMapping("/console/search")
	String search(@RequestParam(defaultValue = "") String q, Authentication user, Model model) {
		String query = q.strip();
		model.addAttribute("q", query);
		boolean personal = personalData(user);
		model.addAttribute("personalData", personal);
		if (query.isEmpty()) {
			model.addAttribute("items", List.of());
			model.addAttribute("rows", List.of());
			model.addAttribute("people", List.of());
			return "console/search";
		}
		ConsoleUser me = ConsoleUser.of(user);
		UnitScope scope = this.units.scopeOf(me.name(), me.admin());
		List<ContentItem> items = this.contents.search(query, MOST);
		Map<Long, Publication> found = new LinkedHashMap<>();
		Matcher number = PUBLICATION_ID.matcher(query);
		if (number.matches()) {
			try {
				Publication p = this.publications.get(Long.parseLong(number.group(1)), scope);
				found.put(p.id(), p);
			}
			catch (ErrorResponseException ex) {
				// no such publication, or not this officer's: nothing to show
			}
		}
		for (ContentItem item : items) {
			for (Publication p : this.publications.list(null, item.id(), 5, scope)) {
				found.putIfAbsent(p.id(), p);
			}
			if (found.size() >= MOST) {
				break;
			}
		}
		List<Subscriber> people = personal ? this.subscribers.searchByNumber(query, MOST) : List.of();
		model.addAttribute("items", items);
		model.addAttribute("rows",
				PublicationPages.rows(new ArrayList<>(found.values()), this.contents, this.deliveries));
		model.addAttribute("people", people);
		return "console/search";
	}

	/** Citizens' numbers are for editors and approvers, as in the inbox. */
	private static boolean personalData(Authentication user) {
		if (user == null) {
			return false;
		}
		for (GrantedAuthority authority : user.getAuthorities()) {
			if ("ROLE_EDITOR".equals(authority.getAuthority()) || "ROLE_APPROVER".equals(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
