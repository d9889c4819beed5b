package vn.loa.channels.zalo;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loa.audience.ZaloFollowers;
import vn.loa.channels.bulk.BulkJobs;
import vn.loa.common.ConsolePage;

/**
 * The OA connect page for admins ({@code /console/zalo}): whether the OA is connected,
 * when its token expires, and — after a refused refresh — that it NEEDS_REAUTHORISATION
 * with Zalo's own message and the jobs waiting for it; the button that starts the OAuth
 * v4 PKCE flow and the callback Zalo sends the admin back to; the follower sync.
 */
@Controller
@ConsolePage
@PreAuthorize("hasRole('ADMIN')")
class ZaloConnectPages {

	private final ZaloOaTokens tokens;

	private final ZaloOAuthFlow flow;

	private final BulkJobs jobs;

	private final ZaloFollowerSync sync;

	private final ZaloFollowers followers;

	private final ZaloProperties properties;

	ZaloConnectPages(ZaloOaTokens tokens, ZaloOAuthFlow flow, BulkJobs jobs, ZaloFollowerSync sync,
			ZaloFollowers followers, ZaloProperties properties) {
		this.tokens = tokens;
		this.flow = flow;
		this.jobs = jobs;
		this.sync = sync;
		this.followers = followers;
		this.properties = properties;
	}

	@GetMapping("/console/zalo")
	String page(Model model) {
		model.addAttribute("status", this.tokens.status());
		model.addAttribute("mode", this.properties.sandbox() ? "sandbox" : "live");
		model.addAttribute("oaId",
				this.properties.sandbox() || this.properties.oaId() != null ? this.properties.effectiveOaId() : null);
		model.addAttribute("waiting", this.jobs.waiting(List.of(ZaloChannel.ID, "zalo-zns"), 20));
		model.addAttribute("sync", this.sync.status().orElse(null));
		model.addAttribute("followerCount", this.followers.countFollowing());
		model.addAttribute("followers", this.followers.recent(20));
		return "console/zalo";
	}

	@PostMapping("/console/zalo/connect")
	String connect(Authentication user) {
		return "redirect:" + this.flow.start(user.getName());
	}

	@GetMapping("/console/zalo/callback")
	String callback(@RequestParam(name = "code", required = false) String code,
			@RequestParam(name = "oa_id", required = false) String oaId,
			@RequestParam(name = "state", required = false) String state, Authentication user,
			RedirectAttributes redirect) {
		try {
			this.flow.complete(code, oaId, state, user.getName());
			redirect.addFlashAttribute("notice", "notice.zaloConnected");
		}
		catch (ZaloOAuthFlow.ConnectFailed ex) {
			redirect.addFlashAttribute("failure", ex.getMessage());
		}
		return "redirect:/console/zalo";
	}

	@PostMapping("/console/zalo/sync")
	String sync(RedirectAttributes redirect) {
		this.sync.request();
		redirect.addFlashAttribute("notice", "notice.zaloSyncRequested");
		return "redirect:/console/zalo";
	}

}
