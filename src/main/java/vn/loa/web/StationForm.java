package vn.loa.web;

import java.util.Locale;

import org.springframework.validation.BindingResult;

import vn.loa.audience.StationLevel;
import vn.loa.audience.Stations.NewStation;

/**
 * The new-station form as an admin fills it. Everything is kept as typed, so a refused
 * form comes back as it was; the rules themselves are {@code Stations}'.
 */
class StationForm {

	static final String DEFAULT_WORDS_PER_MINUTE = "180";

	private String code = "";

	private String name = "";

	private String level = StationLevel.DISTRICT.name();

	private String areaCode = "";

	private String wordsPerMinute = DEFAULT_WORDS_PER_MINUTE;

	/** The station to create, or null with the binding holding what to fix. */
	NewStation toStation(BindingResult binding) {
		String pace = (this.wordsPerMinute != null) ? this.wordsPerMinute.strip() : "";
		int wordsPerMinute = 0;
		if (pace.isEmpty()) {
			binding.rejectValue("wordsPerMinute", "error.NotBlank", "must not be empty");
		}
		else {
			try {
				wordsPerMinute = Integer.parseInt(pace);
			}
			catch (NumberFormatException ex) {
				binding.rejectValue("wordsPerMinute", "problem.station.wordsPerMinute",
						"wordsPerMinute must be between 60 and 400");
			}
		}
		if (binding.hasErrors()) {
			return null;
		}
		return new NewStation(this.code, this.name, level(this.level), this.areaCode, wordsPerMinute);
	}

	private static StationLevel level(String level) {
		if (level == null || level.isBlank()) {
			return null;
		}
		try {
			return StationLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	// Spring binds the form through these accessors.

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getLevel() {
		return this.level;
	}

	public void setLevel(String level) {
		this.level = level;
	}

	public String getAreaCode() {
		return this.areaCode;
	}

	public void setAreaCode(String areaCode) {
		this.areaCode = areaCode;
	}

	public String getWordsPerMinute() {
		return this.wordsPerMinute;
	}

	public void setWordsPerMinute(String wordsPerMinute) {
		this.wordsPerMinute = wordsPerMinute;
	}

}
