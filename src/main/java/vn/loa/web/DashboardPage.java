package vn.loa.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.loa.content.ContentService;
import vn.loa.content.ReviewState;
import vn.loa.deliverylog.DeliveryLog;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.PublicationState;

/**
 * The console's first page: content by review state, the deliveries of the last 30 days
 * and the latest publications.
 */
@Controller
class DashboardPage {

	private static final int DAYS = 30;

	private final ContentService contents;

	private final PublicationService publications;

	private final DeliveryLog deliveries;

	private final DeliveryCharts charts;

	DashboardPage(ContentService contents, PublicationService publications, DeliveryLog deliveries,
			DeliveryCharts charts) {
		this.charts = charts;
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
		model.addAttribute("chart", this.charts.lastDays(DAYS));
		return "console/dashboard";
	}

	/** The dashboard chart's data: every delivery of the last 30 days, a bar a day. */
	@GetMapping(path = "/console/charts/deliveries", produces = "application/json")
	@ResponseBody
	DeliveryCharts.Chart chart() {
		return this.charts.lastDays(DAYS);
	}

}
