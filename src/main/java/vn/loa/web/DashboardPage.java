package vn.loa.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.loa.content.ContentService;
import vn.loa.content.ReviewState;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.PublicationState;

/** The console's first page: content by review state and the latest publications. */
@Controller
class DashboardPage {

	private final ContentService contents;

	private final PublicationService publications;

	private final DeliveryLog deliveries;

	DashboardPage(ContentService contents, PublicationService publications, DeliveryLog deliveries) {
		this.contents = contents;
		this.publications = publications;
		this.deliveries = deliveries;
	}

	@GetMapping("/console")
	String dashboard(Model model) {
		model.addAttribute("counts", this.contents.countByState());
		model.addAttribute("states", ReviewState.values());
		model.addAttribute("awaiting", this.publications.list(PublicationState.AWAITING_APPROVAL, null, 200).size());
		model.addAttribute("recent",
				PublicationPages.rows(this.publications.list(null, null, 8), this.contents, this.deliveries));
		return "console/dashboard";
	}

}
