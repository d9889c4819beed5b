package vn.loa.channels.zalo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.loa.audience.ZaloFollowers;

/**
 * Fills the follower audience from Zalo: {@code getlist} page by page (50 at a time) and
 * {@code detail} per user (name, still following, shared phone). The offset is stored
 * after every page ({@code zalo_follower_sync}), so a sync stopped by a crash or a
 * missing token resumes where it was; one node at a time runs it.
 */
@Component
class ZaloFollowerSync {

	private static final Logger log = LoggerFactory.getLogger(ZaloFollowerSync.class);

	static final int PAGE = 50;

	static final String LOCK = "loa-zalo-follower-sync";

	/** What the console shows. */
	record Status(String state, int nextOffset, Integer total, int synced, String lastError,
			java.time.Instant startedAt, java.time.Instant finishedAt) {

	}

	private final JdbcClient jdbc;

	private final ZaloOaClient client;

	private final ZaloFollowers followers;

	private final Clock clock;

	private final LockingTaskExecutor locks;

	ZaloFollowerSync(JdbcClient jdbc, ZaloOaClient client, ZaloFollowers followers, Clock clock,
			LockProvider lockProvider) {
		this.jdbc = jdbc;
		this.client = client;
		this.followers = followers;
		this.clock = clock;
		this.locks = new DefaultLockingTaskExecutor(lockProvider);
	}

	/** Asks for a sync; one already under way continues where it is. */
	void request() {
		Timestamp now = Timestamp.from(this.clock.instant());
		int resumed = this.jdbc
			.sql("update zalo_follower_sync set state = 'RUNNING', last_error = null, updated_at = :now where id = 1 "
					+ "and state in ('RUNNING', 'WAITING')")
			.param("now", now)
			.update();
		if (resumed == 0) {
			int restarted = this.jdbc
				.sql("update zalo_follower_sync set state = 'RUNNING', next_offset = 0, total = null, synced = 0, "
						+ "last_error = null, started_at = :now, finished_at = null, updated_at = :now where id = 1")
				.param("now", now)
				.update();
			if (restarted == 0) {
				this.jdbc
					.sql("insert into zalo_follower_sync (id, state, next_offset, synced, started_at, updated_at) "
							+ "values (1, 'RUNNING', 0, 0, :now, :now) on conflict do nothing")
					.param("now", now)
					.update();
			}
		}
	}

	Optional<Status> status() {
		return this.jdbc.sql(
				"select state, next_offset, total, synced, last_error, started_at, finished_at from zalo_follower_sync "
						+ "where id = 1")
			.query((rs, n) -> new Status(rs.getString("state"), rs.getInt("next_offset"),
					(Integer) rs.getObject("total", Integer.class), rs.getInt("synced"), rs.getString("last_error"),
					rs.getTimestamp("started_at").toInstant(),
					(rs.getTimestamp("finished_at") != null) ? rs.getTimestamp("finished_at").toInstant() : null))
			.optional();
	}

	/**
	 * Looks (a read) whether a sync is asked for, and only then takes the lock, so an
	 * idle cluster does not write a lock row every second.
	 */
	@Scheduled(fixedDelayString = "${loa.channels.zalo.poll-interval:1s}",
			initialDelayString = "${loa.channels.zalo.poll-interval:1s}")
	void tick() {
		if (status().map((s) -> "RUNNING".equals(s.state()) || "WAITING".equals(s.state())).orElse(false)) {
			this.locks.executeWithLock((Runnable) this::run,
					new LockConfiguration(this.clock.instant(), LOCK, Duration.ofMinutes(30), Duration.ZERO));
		}
	}

	/** Runs a requested sync to its end, or until it has to wait. */
	void run() {
		Status status = status().orElse(null);
		if (status == null || !("RUNNING".equals(status.state()) || "WAITING".equals(status.state()))) {
			return;
		}
		int offset = status.nextOffset();
		try {
			while (true) {
				ZaloOaClient.FollowerPage page = this.client.followers(offset, PAGE);
				for (String userId : page.userIds()) {
					ZaloOaClient.FollowerDetail detail = this.client.follower(userId);
					this.followers.detail(userId, detail.displayName(), detail.follower());
					if (detail.phone() != null) {
						this.followers.submittedInfo(userId, detail.name(), detail.phone(), this.clock.instant());
					}
				}
				offset += page.userIds().size();
				boolean done = page.userIds().isEmpty() || offset >= page.total();
				update(Map.of("state", done ? "DONE" : "RUNNING", "offset", offset, "total", page.total(), "synced",
						page.userIds().size()), done);
				if (done) {
					log.info("Zalo follower sync done: {} followers", page.total());
					return;
				}
			}
		}
		catch (ZaloReauthorisationNeeded ex) {
			fail("WAITING", ex.getMessage());
		}
		catch (ZaloApiError ex) {
			fail("FAILED", "Zalo " + ex.code() + ": " + ex.getMessage());
		}
	}

	private void update(Map<String, Object> values, boolean done) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("update zalo_follower_sync set state = :state, next_offset = :offset, total = :total, "
					+ "synced = synced + :synced, last_error = null, updated_at = :now, finished_at = "
					+ (done ? ":now" : "null") + " where id = 1")
			.param("state", values.get("state"))
			.param("offset", values.get("offset"))
			.param("total", values.get("total"))
			.param("synced", values.get("synced"))
			.param("now", now)
			.update();
	}

	private void fail(String state, String error) {
		this.jdbc
			.sql("update zalo_follower_sync set state = :state, last_error = :error, updated_at = :now where id = 1")
			.param("state", state)
			.param("error", (error != null && error.length() > 2000) ? error.substring(0, 2000) : error)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

}
