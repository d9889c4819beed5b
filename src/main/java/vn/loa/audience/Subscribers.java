package vn.loa.audience;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.audience.SubscriberCsv.ImportRow;

/**
 * SMS subscribers: CSV import, opt-in and opt-out, and the recipients of a segment,
 * streamed in keyset-paginated batches so a broadcast to a million numbers never holds
 * more than one batch.
 */
@Service
public class Subscribers {

	/** Largest batch {@link #nextBatch} returns. */
	public static final int MAX_BATCH = 10_000;

	// Keeps IN lists and JDBC batches well under driver limits.
	private static final int CHUNK = 1000;

	private static final String RECIPIENT_COLUMNS = "s.id, s.phone, s.area_code, s.language, s.opted_out_at";

	private static final RowMapper<Recipient> RECIPIENT = (rs, n) -> new Recipient(rs.getLong("id"),
			rs.getString("phone"), rs.getString("area_code"), rs.getString("language"),
			rs.getObject("opted_out_at") != null);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	@Autowired
	public Subscribers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this(jdbc, transactionManager, Clock.systemUTC());
	}

	Subscribers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Imports a CSV file (see {@link SubscriberCsv} for the accepted layouts) in one
	 * transaction: the good rows are all stored, the bad ones reported, never half a
	 * file. Existing subscribers are merged (area and language replaced when given,
	 * topics added); an opted-out subscriber stays opted out.
	 * @param source recorded as the opt-in source of new subscribers, e.g. the file name
	 * @throws SubscriberImportException when the file as a whole is unreadable
	 */
	public SubscriberImportReport importCsv(InputStream csv, String source) {
		SubscriberCsv.Parsed parsed = SubscriberCsv.parse(csv);
		String origin = source(source, "import");
		int[] counts = this.transactions.execute((status) -> store(parsed.rows, origin));
		return new SubscriberImportReport(origin, parsed.rowsRead, parsed.rows.size() + parsed.duplicateCount,
				counts[0], counts[1], parsed.duplicateCount, parsed.rejectedCount, counts[2],
				List.copyOf(parsed.rejected), List.copyOf(parsed.duplicates));
	}

	/** Stores rows; answers {created, updated, opted out kept}. */
	private int[] store(List<ImportRow> rows, String source) {
		int created = 0;
		int updated = 0;
		int optedOutKept = 0;
		OffsetDateTime now = now();
		for (int from = 0; from < rows.size(); from += CHUNK) {
			List<ImportRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
			Map<String, Existing> existing = existing(chunk.stream().map((row) -> row.phone).toList());
			List<ImportRow> fresh = new ArrayList<>();
			List<ImportRow> known = new ArrayList<>();
			for (ImportRow row : chunk) {
				Existing subscriber = existing.get(row.phone);
				if (subscriber == null) {
					fresh.add(row);
				}
				else {
					known.add(row);
					optedOutKept += subscriber.optedOut ? 1 : 0;
				}
			}
			this.jdbc.batchUpdate("insert into subscriber (phone, area_code, area_l1, area_l2, area_l3, language, "
					+ "opt_in_source, opted_in_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					fresh, CHUNK, (ps, row) -> {
						ps.setString(1, row.phone);
						setArea(ps, 2, row.areaCode);
						ps.setString(6, (row.language != null) ? row.language : "vi");
						ps.setString(7, source);
						ps.setObject(8, now);
						ps.setObject(9, now);
						ps.setObject(10, now);
					});
			this.jdbc.batchUpdate(
					"update subscriber set area_code = coalesce(?, area_code), "
							+ "area_l1 = case when cast(? as varchar(40)) is null then area_l1 else ? end, "
							+ "area_l2 = case when cast(? as varchar(40)) is null then area_l2 else ? end, "
							+ "area_l3 = case when cast(? as varchar(40)) is null then area_l3 else ? end, "
							+ "language = coalesce(?, language), updated_at = ? where id = ?",
					known, CHUNK, (ps, row) -> {
						String area = row.areaCode;
						ps.setString(1, area);
						for (int level = 1; level <= AreaCodes.MAX_LEVELS; level++) {
							ps.setString(2 * level, area);
							ps.setString(2 * level + 1, AreaCodes.prefix(area, level));
						}
						ps.setString(8, row.language);
						ps.setObject(9, now);
						ps.setLong(10, existing.get(row.phone).id);
					});
			created += fresh.size();
			updated += known.size();
			Map<String, Long> ids = new HashMap<>();
			existing.forEach((phone, subscriber) -> ids.put(phone, subscriber.id));
			if (!fresh.isEmpty()) {
				existing(fresh.stream().map((row) -> row.phone).toList())
					.forEach((phone, subscriber) -> ids.put(phone, subscriber.id));
			}
			List<Object[]> freshTopics = new ArrayList<>();
			for (ImportRow row : fresh) {
				long id = ids.get(row.phone);
				for (String topic : row.topics) {
					freshTopics.add(new Object[] { topic, id });
				}
			}
			if (!freshTopics.isEmpty()) {
				this.jdbc.batchUpdate("insert into subscriber_topic (topic, subscriber_id) values (?, ?)", freshTopics);
			}
			List<Object[]> knownTopics = new ArrayList<>();
			for (ImportRow row : known) {
				long id = ids.get(row.phone);
				for (String topic : row.topics) {
					knownTopics.add(new Object[] { topic, id, topic, id });
				}
			}
			addTopics(knownTopics);
		}
		return new int[] { created, updated, optedOutKept };
	}

	private void addTopics(List<Object[]> topicIdTopicId) {
		if (!topicIdTopicId.isEmpty()) {
			this.jdbc.batchUpdate("insert into subscriber_topic (topic, subscriber_id) select ?, ? where not exists "
					+ "(select 1 from subscriber_topic where topic = ? and subscriber_id = ?)", topicIdTopicId);
		}
	}

	/**
	 * The next recipients of a segment after {@code afterSubscriberId}, in id order: one
	 * indexed query per batch, no OFFSET. Start with 0; continue with the last
	 * {@link Recipient#subscriberId()} until an empty list comes back. Opted-out
	 * subscribers are included, flagged.
	 */
	public List<Recipient> nextBatch(SegmentSpec spec, long afterSubscriberId, int limit) {
		BatchQuery query = batchQuery(spec, afterSubscriberId, limit);
		return this.jdbc.query(query.sql(), RECIPIENT, query.args().toArray());
	}

	/**
	 * Hands the recipients of a segment to {@code consumer} batch by batch, starting
	 * after {@code afterSubscriberId} (0 for the beginning), so a job can resume from the
	 * last id it checkpointed.
	 * @return the last subscriber id handed over, or {@code afterSubscriberId} if none
	 */
	public long streamRecipients(SegmentSpec spec, long afterSubscriberId, int batchSize,
			java.util.function.Consumer<List<Recipient>> consumer) {
		long after = afterSubscriberId;
		List<Recipient> batch = nextBatch(spec, after, batchSize);
		while (!batch.isEmpty()) {
			consumer.accept(batch);
			after = batch.get(batch.size() - 1).subscriberId();
			batch = (batch.size() < batchSize) ? List.of() : nextBatch(spec, after, batchSize);
		}
		return after;
	}

	static BatchQuery batchQuery(SegmentSpec spec, long afterSubscriberId, int limit) {
		if (limit < 1 || limit > MAX_BATCH) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_BATCH);
		}
		List<Object> args = new ArrayList<>();
		if (spec.areaPrefixes().size() <= 1) {
			String prefix = spec.areaPrefixes().isEmpty() ? null : spec.areaPrefixes().get(0);
			return new BatchQuery(branch(spec, prefix, afterSubscriberId, limit, args), args);
		}
		// One ordered, limited branch per area so each uses its (area, id) index.
		StringBuilder union = new StringBuilder("select * from (");
		for (int i = 0; i < spec.areaPrefixes().size(); i++) {
			union.append((i > 0) ? " union all (" : "(")
				.append(branch(spec, spec.areaPrefixes().get(i), afterSubscriberId, limit, args))
				.append(')');
		}
		args.add(limit);
		return new BatchQuery(union.append(") r order by r.id fetch first ? rows only").toString(), args);
	}

	record BatchQuery(String sql, List<Object> args) {
	}

	private static String branch(SegmentSpec spec, String prefix, long after, int limit, List<Object> args) {
		StringBuilder sql = new StringBuilder("select ").append(RECIPIENT_COLUMNS).append(" from subscriber s");
		if (spec.topic() != null) {
			sql.append(" join subscriber_topic t on t.subscriber_id = s.id and t.topic = ?");
			args.add(spec.topic());
		}
		sql.append(" where s.id > ?");
		args.add(after);
		if (prefix != null) {
			sql.append(" and s.area_l").append(AreaCodes.depth(prefix)).append(" = ?");
			args.add(prefix);
		}
		sql.append(" order by s.id fetch first ? rows only");
		args.add(limit);
		return sql.toString();
	}

	/** How many subscribers a segment has, and how many of them opted out. */
	public RecipientCount count(SegmentSpec spec) {
		List<Object> args = new ArrayList<>();
		StringBuilder sql = new StringBuilder("select count(*), count(s.opted_out_at) from subscriber s");
		if (spec.topic() != null) {
			sql.append(" join subscriber_topic t on t.subscriber_id = s.id and t.topic = ?");
			args.add(spec.topic());
		}
		if (!spec.areaPrefixes().isEmpty()) {
			sql.append(" where ")
				.append(spec.areaPrefixes()
					.stream()
					.map((prefix) -> "s.area_l" + AreaCodes.depth(prefix) + " = ?")
					.collect(Collectors.joining(" or ", "(", ")")));
			args.addAll(spec.areaPrefixes());
		}
		return this.jdbc.queryForObject(sql.toString(), (rs, n) -> new RecipientCount(rs.getLong(1), rs.getLong(2)),
				args.toArray());
	}

	/**
	 * Records that {@code phone} wants no more broadcasts. An unknown number is stored as
	 * opted out, so that a later import cannot enrol it.
	 * @return whether the number was not opted out before
	 * @throws InvalidPhoneNumberException when the number is not a Vietnamese mobile
	 */
	public boolean optOut(String phone, String source) {
		String e164 = PhoneNumbers.normalize(phone);
		String origin = source(source, "sms");
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			OffsetDateTime now = now();
			int changed = this.jdbc.update("update subscriber set opted_out_at = ?, opt_out_source = ?, updated_at = ? "
					+ "where phone = ? and opted_out_at is null", now, origin, now, e164);
			if (changed == 1) {
				return true;
			}
			if (find(e164).isPresent()) {
				return false;
			}
			this.jdbc.update("insert into subscriber (phone, opted_out_at, opt_out_source, created_at, updated_at) "
					+ "values (?, ?, ?, ?, ?)", e164, now, origin, now, now);
			return true;
		}));
	}

	/**
	 * Records consent: a new subscriber is created, an opted-out one is opted back in,
	 * and the topic (if any) is added.
	 * @throws InvalidPhoneNumberException when the number is not a Vietnamese mobile
	 */
	public Subscriber optIn(String phone, String topic, String source) {
		return subscribe(phone, null, (topic != null) ? Set.of(topic) : Set.of(), null, source);
	}

	/**
	 * Adds or updates one subscriber with consent from {@code source} (an officer, a
	 * form, an SMS).
	 * @throws InvalidPhoneNumberException when the number is not a Vietnamese mobile
	 * @throws IllegalArgumentException when the area code or a topic is malformed
	 */
	public Subscriber subscribe(String phone, String areaCode, Collection<String> topics, String language,
			String source) {
		String e164 = PhoneNumbers.normalize(phone);
		String area = AreaCodes.normalize(areaCode);
		Set<String> keys = new LinkedHashSet<>();
		for (String topic : topics) {
			String key = Topics.key(topic);
			if (key != null) {
				keys.add(key);
			}
		}
		String origin = source(source, "api");
		return this.transactions.execute((status) -> {
			OffsetDateTime now = now();
			int changed = this.jdbc.update("update subscriber set opted_out_at = null, opt_out_source = null, "
					+ "opted_in_at = ?, opt_in_source = ?, language = coalesce(?, language), updated_at = ?, "
					+ "area_code = coalesce(?, area_code), area_l1 = coalesce(?, area_l1), "
					+ "area_l2 = case when cast(? as varchar(40)) is null then area_l2 else ? end, "
					+ "area_l3 = case when cast(? as varchar(40)) is null then area_l3 else ? end where phone = ?", now,
					origin, language, now, area, AreaCodes.prefix(area, 1), area, AreaCodes.prefix(area, 2), area,
					AreaCodes.prefix(area, 3), e164);
			if (changed == 0) {
				this.jdbc.update("insert into subscriber (phone, area_code, area_l1, area_l2, area_l3, language, "
						+ "opt_in_source, opted_in_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
						e164, area, AreaCodes.prefix(area, 1), AreaCodes.prefix(area, 2), AreaCodes.prefix(area, 3),
						(language != null) ? language : "vi", origin, now, now, now);
			}
			long id = this.jdbc.queryForObject("select id from subscriber where phone = ?", Long.class, e164);
			addTopics(keys.stream().map((key) -> new Object[] { key, id, key, id }).toList());
			return find(e164).orElseThrow();
		});
	}

	/** Whether {@code phone} opted out; unknown and malformed numbers have not. */
	public boolean isOptedOut(String phone) {
		PhoneNumbers.PhoneNumberCheck check = PhoneNumbers.check(phone);
		if (!check.valid()) {
			return false;
		}
		List<Boolean> optedOut = this.jdbc.query("select opted_out_at from subscriber where phone = ?",
				(rs, n) -> rs.getObject(1) != null, check.e164());
		return !optedOut.isEmpty() && optedOut.get(0);
	}

	/** The subscriber with this number, in any spelling. */
	public Optional<Subscriber> find(String phone) {
		PhoneNumbers.PhoneNumberCheck check = PhoneNumbers.check(phone);
		if (!check.valid()) {
			return Optional.empty();
		}
		List<Subscriber> found = this.jdbc.query("select * from subscriber where phone = ?", this::subscriber,
				check.e164());
		return found.stream().findFirst().map(this::withTopics);
	}

	/**
	 * Subscribers whose number holds the digits of {@code query}, or starts with them
	 * read as a local number ({@code 0912…} as {@code +84912…}); a whole valid number is
	 * looked up exactly. Fewer than four digits find nothing.
	 */
	public List<Subscriber> searchByNumber(String query, int limit) {
		Optional<Subscriber> exact = find(query);
		if (exact.isPresent()) {
			return List.of(exact.get());
		}
		String digits = (query != null) ? query.replaceAll("\\D", "") : "";
		if (digits.length() < 4) {
			return List.of();
		}
		// 0912… may be the start of a local number (+84912…) or a run of digits inside
		// one
		String local = digits.startsWith("0") ? "+84" + digits.substring(1) + "%" : "%" + digits + "%";
		return this.jdbc
			.query("select * from subscriber where phone like ? or phone like ? order by id limit ?", this::subscriber,
					"%" + digits + "%", local, Math.min(Math.max(limit, 1), 100))
			.stream()
			.map(this::withTopics)
			.toList();
	}

	/** A page of subscribers of a segment in id order, with their topics. */
	public List<Subscriber> list(SegmentSpec spec, long afterId, int limit) {
		List<Recipient> batch = nextBatch(spec, afterId, limit);
		if (batch.isEmpty()) {
			return List.of();
		}
		List<Long> ids = batch.stream().map(Recipient::subscriberId).toList();
		String in = ids.stream().map((id) -> "?").collect(Collectors.joining(","));
		Map<Long, Subscriber> byId = new LinkedHashMap<>();
		this.jdbc.query("select * from subscriber where id in (" + in + ") order by id", (rs) -> {
			Subscriber subscriber = subscriber(rs, 0);
			byId.put(subscriber.id(), subscriber);
		}, ids.toArray());
		Map<Long, Set<String>> topics = new HashMap<>();
		this.jdbc.query(
				"select subscriber_id, topic from subscriber_topic where subscriber_id in (" + in + ") order by topic",
				(rs) -> {
					topics.computeIfAbsent(rs.getLong(1), (id) -> new LinkedHashSet<>()).add(rs.getString(2));
				}, ids.toArray());
		return byId.values()
			.stream()
			.map((s) -> new Subscriber(s.id(), s.phone(), s.areaCode(),
					Set.copyOf(topics.getOrDefault(s.id(), Set.of())), s.language(), s.optInSource(), s.optedInAt(),
					s.optedOutAt(), s.optOutSource()))
			.toList();
	}

	private Subscriber withTopics(Subscriber s) {
		Set<String> topics = new LinkedHashSet<>(this.jdbc.queryForList(
				"select topic from subscriber_topic where subscriber_id = ? order by topic", String.class, s.id()));
		return new Subscriber(s.id(), s.phone(), s.areaCode(), Set.copyOf(topics), s.language(), s.optInSource(),
				s.optedInAt(), s.optedOutAt(), s.optOutSource());
	}

	private Subscriber subscriber(ResultSet rs, int row) throws SQLException {
		return new Subscriber(rs.getLong("id"), rs.getString("phone"), rs.getString("area_code"), Set.of(),
				rs.getString("language"), rs.getString("opt_in_source"), instant(rs, "opted_in_at"),
				instant(rs, "opted_out_at"), rs.getString("opt_out_source"));
	}

	private Map<String, Existing> existing(List<String> phones) {
		Map<String, Existing> existing = new HashMap<>();
		if (phones.isEmpty()) {
			return existing;
		}
		String in = phones.stream().map((phone) -> "?").collect(Collectors.joining(","));
		this.jdbc.query("select id, phone, opted_out_at from subscriber where phone in (" + in + ")", (rs) -> {
			existing.put(rs.getString(2), new Existing(rs.getLong(1), rs.getObject(3) != null));
		}, phones.toArray());
		return existing;
	}

	private static void setArea(java.sql.PreparedStatement ps, int index, String area) throws SQLException {
		ps.setString(index, area);
		for (int level = 1; level <= AreaCodes.MAX_LEVELS; level++) {
			ps.setString(index + level, AreaCodes.prefix(area, level));
		}
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static String source(String source, String fallback) {
		if (source == null || source.isBlank()) {
			return fallback;
		}
		String trimmed = source.strip();
		return (trimmed.length() > 100) ? trimmed.substring(0, 100) : trimmed;
	}

	private record Existing(long id, boolean optedOut) {
	}

}
