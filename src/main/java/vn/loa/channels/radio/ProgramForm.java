package vn.loa.channels.radio;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.validation.BindingResult;

import vn.loa.channels.radio.RadioPrograms.ProgramRequest;

/**
 * The program form as an officer fills it: a title, the target in minutes ({@code 12} or
 * {@code 12,5}), the air date, and the approved items ticked with an optional order
 * number each ({@code order[id]}; ticked items without one follow the numbered ones in
 * the list's order). Everything is kept as typed, so a refused form comes back as it was.
 */
class ProgramForm {

	private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

	private String title = "";

	private String targetMinutes = "";

	private String airDate = "";

	private List<String> contentIds = new ArrayList<>();

	private Map<String, String> order = new HashMap<>();

	/** The request, or null with the binding holding what to fix. */
	ProgramRequest toRequest(BindingResult binding) {
		String name = (this.title != null) ? this.title.strip() : "";
		if (name.isEmpty()) {
			binding.rejectValue("title", "error.NotBlank", "must not be empty");
		}
		else if (name.length() > 300) {
			binding.rejectValue("title", "error.Size.title", new Object[] { 300 }, "at most 300 characters");
		}
		Double minutes = minutes(binding);
		LocalDate date = date(binding);
		List<Long> ids = orderedIds(binding);
		if (binding.hasErrors()) {
			return null;
		}
		return new ProgramRequest(name, ids, minutes, null, null, date);
	}

	private Double minutes(BindingResult binding) {
		String value = (this.targetMinutes != null) ? this.targetMinutes.strip().replace(',', '.') : "";
		if (value.isEmpty()) {
			binding.rejectValue("targetMinutes", "error.NotBlank", "must not be empty");
			return null;
		}
		double minutes;
		try {
			minutes = Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			binding.rejectValue("targetMinutes", "error.program.minutes", "not a number of minutes");
			return null;
		}
		if (!(minutes >= 0.5 && minutes <= 240)) {
			binding.rejectValue("targetMinutes", "problem.program.targetMinutes",
					"the target must be between 30 seconds and 4 hours");
			return null;
		}
		return minutes;
	}

	private LocalDate date(BindingResult binding) {
		String value = (this.airDate != null) ? this.airDate.strip() : "";
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(value, VIETNAMESE_DATE);
			}
			catch (DateTimeParseException again) {
				binding.rejectValue("airDate", "error.program.airDate", "not a date");
				return null;
			}
		}
	}

	/** The ticked items by order number, then in the order they were ticked. */
	private List<Long> orderedIds(BindingResult binding) {
		List<Ticked> ticked = new ArrayList<>();
		int position = 0;
		boolean badId = false;
		boolean badOrder = false;
		for (String id : new LinkedHashSet<>(this.contentIds)) {
			long contentId;
			try {
				contentId = Long.parseLong(id.strip());
			}
			catch (NumberFormatException ex) {
				badId = true;
				continue;
			}
			String number = this.order.getOrDefault(id, "");
			number = (number != null) ? number.strip() : "";
			int rank = Integer.MAX_VALUE;
			if (!number.isEmpty()) {
				try {
					rank = Integer.parseInt(number);
				}
				catch (NumberFormatException ex) {
					badOrder = true;
				}
			}
			ticked.add(new Ticked(contentId, rank, position++));
		}
		if (badId) {
			binding.rejectValue("contentIds", "error.Pattern", "not a content item");
		}
		if (badOrder) {
			binding.rejectValue("contentIds", "error.program.order", "an order number is a whole number");
		}
		if (ticked.isEmpty() && !badId) {
			binding.rejectValue("contentIds", "error.program.noItem", "choose at least one approved item");
		}
		else if (ticked.size() > RadioPrograms.MAX_ITEMS) {
			binding.rejectValue("contentIds", "error.program.tooMany", new Object[] { RadioPrograms.MAX_ITEMS },
					"too many items");
		}
		return ticked.stream()
			.sorted(Comparator.comparingInt(Ticked::rank).thenComparingInt(Ticked::position))
			.map(Ticked::contentId)
			.toList();
	}

	/** Whether an item is ticked, for the view. */
	public boolean ticked(long contentId) {
		return this.contentIds.contains(String.valueOf(contentId));
	}

	private record Ticked(long contentId, int rank, int position) {
	}

	// Spring binds the form through these accessors.

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getTargetMinutes() {
		return this.targetMinutes;
	}

	public void setTargetMinutes(String targetMinutes) {
		this.targetMinutes = targetMinutes;
	}

	public String getAirDate() {
		return this.airDate;
	}

	public void setAirDate(String airDate) {
		this.airDate = airDate;
	}

	public List<String> getContentIds() {
		return this.contentIds;
	}

	public void setContentIds(List<String> contentIds) {
		this.contentIds = (contentIds != null) ? new ArrayList<>(contentIds) : new ArrayList<>();
	}

	public Map<String, String> getOrder() {
		return this.order;
	}

	public void setOrder(Map<String, String> order) {
		this.order = (order != null) ? order : new HashMap<>();
	}

}
