package vn.loa.channels.radio;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.loa.rendering.RadioScript;
import vn.loa.rendering.RadioScriptWriter;

/**
 * Puts a program together: the intro template, the approved items in the order given, the
 * outro template, each turned into a read-aloud script; then compares the reading time
 * with the program's target.
 */
final class ProgramAssembler {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/yyyy");

	private final RadioScriptWriter writer;

	private final ProgramTemplates templates;

	private final int toleranceSeconds;

	ProgramAssembler(RadioScriptWriter writer, ProgramTemplates templates, int toleranceSeconds) {
		this.writer = writer;
		this.templates = templates;
		this.toleranceSeconds = toleranceSeconds;
	}

	AssembledProgram assemble(String title, List<ProgramSource> items, int targetSeconds, int wordsPerMinute,
			LocalDate airDate) {
		List<Part> parts = new ArrayList<>(items.size() + 2);
		Map<String, Object> frame = Map.of("title", title, "date", DATE.format(airDate), "count", items.size());
		parts.add(part("INTRO", null, title, this.templates.render("program-intro.md", frame), wordsPerMinute));
		for (ProgramSource item : items) {
			String markdown = this.templates.render("program-item.md",
					Map.of("title", item.title(), "body", item.markdown()));
			parts.add(part("ITEM", item.contentId(), item.title(), markdown, wordsPerMinute));
		}
		parts.add(part("OUTRO", null, title, this.templates.render("program-outro.md", frame), wordsPerMinute));
		StringBuilder script = new StringBuilder();
		StringBuilder markdown = new StringBuilder();
		int words = 0;
		for (Part part : parts) {
			if (!script.isEmpty()) {
				script.append("\n\n");
				markdown.append("\n\n");
			}
			script.append(part.script());
			markdown.append(part.markdown());
			words += part.words();
		}
		// Seconds from the whole program's words, so rounding up each part does not add
		// up.
		int seconds = RadioScriptWriter.readingSeconds(words, wordsPerMinute);
		return new AssembledProgram(title, markdown.toString(), script.toString(), parts, seconds, targetSeconds,
				Timing.of(seconds, targetSeconds, this.toleranceSeconds));
	}

	private Part part(String kind, Long contentId, String title, String markdown, int wordsPerMinute) {
		RadioScript script = this.writer.write(markdown, wordsPerMinute);
		return new Part(kind, contentId, title, markdown, script.text(), script.words(), script.seconds());
	}

	/** The radio templates a program is made of, by name. */
	@FunctionalInterface
	interface ProgramTemplates {

		String render(String name, Map<String, Object> model);

	}

	record ProgramSource(long contentId, String title, String markdown) {
	}

	record Part(String kind, Long contentId, String title, String markdown, String script, int words, int seconds) {
	}

	/**
	 * @param markdown the program as written (intro, items, outro), what is published
	 * @param script the program as read aloud
	 */
	record AssembledProgram(String title, String markdown, String script, List<Part> parts, int seconds,
			int targetSeconds, Timing timing) {
	}

	/**
	 * How the reading time compares with the target.
	 *
	 * @param differenceSeconds reading time minus target: negative when under
	 * @param verdict UNDER, ON_TARGET or OVER, with the tolerance around the target
	 * @param message the same in Vietnamese for the console
	 */
	record Timing(int differenceSeconds, String verdict, String message) {

		static Timing of(int seconds, int targetSeconds, int toleranceSeconds) {
			int difference = seconds - targetSeconds;
			if (difference < -toleranceSeconds) {
				return new Timing(difference, "UNDER", "Ngắn hơn thời lượng mục tiêu " + duration(-difference));
			}
			if (difference > toleranceSeconds) {
				return new Timing(difference, "OVER", "Dài hơn thời lượng mục tiêu " + duration(difference));
			}
			return new Timing(difference, "ON_TARGET", "Đúng thời lượng mục tiêu (lệch "
					+ duration(Math.abs(difference)) + ", cho phép " + duration(toleranceSeconds) + ")");
		}

		static String duration(int seconds) {
			int minutes = seconds / 60;
			int rest = seconds % 60;
			if (minutes == 0) {
				return rest + " giây";
			}
			return (rest == 0) ? minutes + " phút" : minutes + " phút " + rest + " giây";
		}

	}

}
