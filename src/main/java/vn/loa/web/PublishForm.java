package vn.loa.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.validation.BindingResult;

import vn.loa.common.LoaClock;
import vn.loa.publishing.PublicationRequest;
import vn.loa.publishing.Target;

/**
 * The publish form: which channels, optional targets per channel (comma-separated; empty
 * means the channel's defaults), when (a local Asia/Ho_Chi_Minh time; empty means now)
 * and the channels' options.
 */
class PublishForm {

	static final String SMS_DIACRITICS = "sms.diacritics";

	static final String ZNS_FALLBACK = "zalo.fallback";

	static final String ZALO_ARTICLE = "zalo.article";

	private List<String> channels = new ArrayList<>();

	private Map<String, String> targets = new HashMap<>();

	private String scheduledAt = "";

	private boolean urgent;

	private boolean smsDiacritics = true;

	private boolean znsFallback = true;

	private boolean zaloArticle;

	/** The request, or null with the binding holding what to fix. */
	PublicationRequest toRequest(long contentId, boolean smsChannel, BindingResult binding) {
		if (this.channels.isEmpty()) {
			binding.rejectValue("channels", "error.publish.noChannel", "choose at least one channel");
		}
		OffsetDateTime at = null;
		if (this.scheduledAt != null && !this.scheduledAt.isBlank()) {
			try {
				at = LocalDateTime.parse(this.scheduledAt.strip()).atZone(LoaClock.ZONE).toOffsetDateTime();
			}
			catch (DateTimeParseException ex) {
				binding.rejectValue("scheduledAt", "error.publish.time", "not a date and time");
			}
		}
		if (binding.hasErrors()) {
			return null;
		}
		List<Target> requested = new ArrayList<>();
		for (String channel : this.channels) {
			String names = this.targets.getOrDefault(channel, "");
			List<String> split = Arrays.stream(names.split("[,\\n]"))
				.map(String::strip)
				.filter(s -> !s.isEmpty())
				.toList();
			if (split.isEmpty()) {
				requested.add(new Target(channel, null));
			}
			else {
				split.forEach(name -> requested.add(new Target(channel, name)));
			}
		}
		Map<String, String> options = new LinkedHashMap<>();
		// the fallback SMS of a ZNS job is an SMS rendition too
		boolean fallback = this.channels.contains("zalo-zns") && this.znsFallback;
		if (smsChannel && (this.channels.contains("sms") || fallback)) {
			options.put(SMS_DIACRITICS, String.valueOf(this.smsDiacritics));
		}
		if (fallback) {
			options.put(ZNS_FALLBACK, "sms");
		}
		if (this.channels.contains("zalo") && this.zaloArticle) {
			options.put(ZALO_ARTICLE, "true");
		}
		return new PublicationRequest(contentId, requested, at, this.urgent, options);
	}

	// Spring binds the form through these accessors.

	public List<String> getChannels() {
		return this.channels;
	}

	public void setChannels(List<String> channels) {
		this.channels = (channels != null) ? channels : new ArrayList<>();
	}

	public Map<String, String> getTargets() {
		return this.targets;
	}

	public void setTargets(Map<String, String> targets) {
		this.targets = (targets != null) ? targets : new HashMap<>();
	}

	public String getScheduledAt() {
		return this.scheduledAt;
	}

	public void setScheduledAt(String scheduledAt) {
		this.scheduledAt = scheduledAt;
	}

	public boolean isUrgent() {
		return this.urgent;
	}

	public void setUrgent(boolean urgent) {
		this.urgent = urgent;
	}

	public boolean isZnsFallback() {
		return this.znsFallback;
	}

	public void setZnsFallback(boolean znsFallback) {
		this.znsFallback = znsFallback;
	}

	public boolean isZaloArticle() {
		return this.zaloArticle;
	}

	public void setZaloArticle(boolean zaloArticle) {
		this.zaloArticle = zaloArticle;
	}

	public boolean isSmsDiacritics() {
		return this.smsDiacritics;
	}

	public void setSmsDiacritics(boolean smsDiacritics) {
		this.smsDiacritics = smsDiacritics;
	}

}
