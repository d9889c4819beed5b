package vn.loa.channels.radio;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.channels.radio.ProgramAssembler.AssembledProgram;
import vn.loa.channels.radio.ProgramAssembler.Part;
import vn.loa.channels.radio.ProgramAssembler.ProgramSource;
import vn.loa.channels.radio.ProgramAssembler.Timing;
import vn.loa.common.LoaClock;
import vn.loa.common.Problems;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.content.ContentVersion;
import vn.loa.rendering.RadioScriptWriter;
import vn.loa.rendering.TemplateStore;

/**
 * Radio programs: assembled from approved items and the intro/outro templates, then kept
 * as a content item of their own so that a leader approves the program as a whole and it
 * reaches stations through an ordinary publication.
 */
@Service
class RadioPrograms {

	static final String TOPIC = "radio-program";

	static final int MAX_ITEMS = 30;

	private final ContentService contents;

	private final ProgramAssembler assembler;

	private final RadioScriptWriter writer;

	private final JdbcClient jdbc;

	private final Clock clock;

	RadioPrograms(ContentService contents, RadioScriptWriter writer, TemplateStore templates,
			RadioChannelProperties properties, JdbcClient jdbc, Clock clock) {
		this.contents = contents;
		this.writer = writer;
		this.assembler = new ProgramAssembler(writer,
				(name, model) -> templates.execute(templates.get(RadioChannel.ID, name), model),
				properties.programToleranceSeconds());
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	Program create(ProgramRequest request, String actor) {
		String title = (request.title() != null) ? request.title().strip() : "";
		if (title.isEmpty() || title.length() > 300) {
			throw Problems.invalid("title", "is required (at most 300 characters)", "programTitle");
		}
		int target = request.targetSeconds();
		if (target < 30 || target > 4 * 3600) {
			throw Problems.invalid("targetMinutes", "the target must be between 30 seconds and 4 hours",
					"programTarget");
		}
		if (request.contentIds() == null || request.contentIds().isEmpty() || request.contentIds().size() > MAX_ITEMS) {
			throw Problems.invalid("contentIds", "lists 1 to " + MAX_ITEMS + " approved content items, in order",
					"programItems", String.valueOf(MAX_ITEMS));
		}
		int pace = (request.wordsPerMinute() != null) ? request.wordsPerMinute() : this.writer.defaultWordsPerMinute();
		if (pace < RadioScriptWriter.MIN_WORDS_PER_MINUTE || pace > RadioScriptWriter.MAX_WORDS_PER_MINUTE) {
			throw Problems.invalid("wordsPerMinute",
					"must be between " + RadioScriptWriter.MIN_WORDS_PER_MINUTE + " and "
							+ RadioScriptWriter.MAX_WORDS_PER_MINUTE,
					"wordsPerMinute", String.valueOf(RadioScriptWriter.MIN_WORDS_PER_MINUTE),
					String.valueOf(RadioScriptWriter.MAX_WORDS_PER_MINUTE));
		}
		List<ProgramSource> sources = new ArrayList<>();
		Set<String> areas = new LinkedHashSet<>();
		for (int i = 0; i < request.contentIds().size(); i++) {
			Long id = request.contentIds().get(i);
			if (id == null) {
				throw Problems.invalid("contentIds[" + i + "]", "is required", "required");
			}
			// publishableVersion refuses (409) anything not approved.
			ContentVersion version = this.contents.publishableVersion(id);
			sources.add(new ProgramSource(id, version.title(), version.body()));
			areas.addAll(version.areas());
		}
		LocalDate airDate = (request.airDate() != null) ? request.airDate()
				: LocalDate.now(this.clock.withZone(LoaClock.ZONE));
		AssembledProgram program = this.assembler.assemble(title, sources, target, pace, airDate);
		ContentItem item = this.contents.create(new ContentDraft(title,
				"Chương trình phát thanh " + Timing.duration(program.seconds()) + ", gồm " + sources.size()
						+ " nội dung",
				program.markdown(), TOPIC, List.of(), List.copyOf(areas), List.of(), List.of()), actor);
		Instant now = this.clock.instant();
		this.jdbc
			.sql("insert into radio_program (content_id, title, target_seconds, words_per_minute, air_date, script,"
					+ " seconds, difference_seconds, verdict, created_by, created_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(item.id(), title, target, pace, airDate, program.script(), program.seconds(),
					program.timing().differenceSeconds(), program.timing().verdict(), actor, Timestamp.from(now))
			.update();
		long id = this.jdbc.sql("select id from radio_program where content_id = ?")
			.param(item.id())
			.query(Long.class)
			.single();
		int position = 0;
		for (Part part : program.parts()) {
			this.jdbc
				.sql("insert into radio_program_part (program_id, position, kind, content_id, title, seconds)"
						+ " values (?, ?, ?, ?, ?, ?)")
				.params(id, position++, part.kind(), part.contentId(), part.title(), part.seconds())
				.update();
		}
		return get(id).orElseThrow();
	}

	Optional<Program> get(long id) {
		return this.jdbc
			.sql("select id, content_id, title, target_seconds, words_per_minute, air_date, script, seconds,"
					+ " difference_seconds, verdict, created_by, created_at from radio_program where id = ?")
			.param(id)
			.query((rs, row) -> {
				int seconds = rs.getInt("seconds");
				int target = rs.getInt("target_seconds");
				int tolerance = Math.abs(seconds - target);
				return new Program(rs.getLong("id"), rs.getLong("content_id"), rs.getString("title"),
						rs.getObject("air_date", LocalDate.class), rs.getInt("words_per_minute"), seconds, target,
						rs.getInt("difference_seconds"), rs.getString("verdict"),
						message(rs.getString("verdict"), tolerance), rs.getString("script"), List.of(),
						rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
			})
			.optional()
			.map((program) -> program.withParts(parts(program.id())));
	}

	List<Program> list(int limit) {
		return this.jdbc.sql("select id from radio_program order by id desc limit ?")
			.param(Math.min(Math.max(limit, 1), 200))
			.query(Long.class)
			.list()
			.stream()
			.map((id) -> get(id).orElseThrow())
			.toList();
	}

	boolean isProgram(long contentId) {
		return this.jdbc.sql("select count(*) from radio_program where content_id = ?")
			.param(contentId)
			.query(Long.class)
			.single() > 0;
	}

	private List<ProgramPart> parts(long programId) {
		return this.jdbc
			.sql("select kind, content_id, title, seconds from radio_program_part where program_id = ?"
					+ " order by position")
			.param(programId)
			.query((rs, row) -> new ProgramPart(rs.getString("kind"), (Long) rs.getObject("content_id", Long.class),
					rs.getString("title"), rs.getInt("seconds")))
			.list();
	}

	private static String message(String verdict, int difference) {
		return switch (verdict) {
			case "UNDER" -> "Ngắn hơn thời lượng mục tiêu " + Timing.duration(difference);
			case "OVER" -> "Dài hơn thời lượng mục tiêu " + Timing.duration(difference);
			default -> "Đúng thời lượng mục tiêu (lệch " + Timing.duration(difference) + ")";
		};
	}

	/**
	 * What an officer asks for.
	 *
	 * @param contentIds approved items, in the order they are read
	 * @param targetMinutes the program's length (or {@code targetSeconds})
	 * @param airDate the day it goes on air, said in the intro (default today)
	 */
	record ProgramRequest(String title, List<Long> contentIds, Double targetMinutes, Integer targetSecondsValue,
			Integer wordsPerMinute, LocalDate airDate) {

		int targetSeconds() {
			if (this.targetSecondsValue != null) {
				return this.targetSecondsValue;
			}
			return (this.targetMinutes != null) ? (int) Math.round(this.targetMinutes * 60) : 0;
		}

	}

	/**
	 * A program as the API shows it.
	 *
	 * @param contentId the content item the program is published as
	 * @param differenceSeconds reading time minus target: negative when under
	 */
	record Program(long id, long contentId, String title, LocalDate airDate, int wordsPerMinute, int seconds,
			int targetSeconds, int differenceSeconds, String verdict, String message, String script,
			List<ProgramPart> parts, String createdBy, Instant createdAt) {

		Program withParts(List<ProgramPart> parts) {
			return new Program(this.id, this.contentId, this.title, this.airDate, this.wordsPerMinute, this.seconds,
					this.targetSeconds, this.differenceSeconds, this.verdict, this.message, this.script, parts,
					this.createdBy, this.createdAt);
		}

	}

	record ProgramPart(String kind, Long contentId, String title, int seconds) {
	}

}
