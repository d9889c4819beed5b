package vn.loa.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

/**
 * Which node of a cluster is the leader: the one that runs the scheduler, the token
 * refreshers and the sweeps. With election on (the {@code cluster} profile), Spring
 * Integration's leader initiator holds a JDBC lock ({@code int_lock}) that it renews
 * every {@code heartBeat}; when the leader dies its lock runs out after
 * {@code timeToLive} and another node takes it within a second. Every ShedLock-guarded
 * job asks {@link #lockProvider} for its lock, which only the leader gets, so the
 * followers do the shared bulk work and serve requests but none of the singletons. With
 * election off (one node) this node leads.
 */
public class Leadership extends AbstractHealthIndicator implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Leadership.class);

	static final String ROLE = "loa-leader";

	private final LockRegistryLeaderInitiator initiator;

	private final DefaultLockRepository repository;

	private final String node;

	private final Clock clock;

	private volatile Instant since;

	private volatile boolean running;

	private Leadership(DataSource dataSource, Duration timeToLive, Duration heartBeat, String node, Clock clock) {
		this.node = node;
		this.clock = clock;
		if (dataSource == null) {
			this.repository = null;
			this.initiator = null;
			this.since = clock.instant();
			return;
		}
		this.repository = new DefaultLockRepository(dataSource, UUID.randomUUID().toString());
		this.repository.setRegion(ROLE);
		this.repository.setCheckDatabaseOnStart(false);
		this.repository.setTransactionManager(new JdbcTransactionManager(dataSource));
		this.repository.afterPropertiesSet();
		// Not a bean of its own: what the container would call, called here.
		this.repository.afterSingletonsInstantiated();
		JdbcLockRegistry registry = new JdbcLockRegistry(this.repository, timeToLive);
		this.initiator = new LockRegistryLeaderInitiator(registry, new DefaultCandidate(node, ROLE) {

			@Override
			public void onGranted(Context context) {
				Leadership.this.since = Leadership.this.clock.instant();
				log.info("This node ({}) is now the leader: it runs the scheduler, refreshers and sweeps",
						Leadership.this.node);
			}

			@Override
			public void onRevoked(Context context) {
				Leadership.this.since = null;
				log.info("This node ({}) is no longer the leader", Leadership.this.node);
			}

		});
		this.initiator.setHeartBeatMillis(heartBeat.toMillis());
		this.initiator.setBusyWaitMillis(Math.max(50, heartBeat.toMillis() / 2));
		this.initiator.setAutoStartup(false);
	}

	/** Election over the database's lock table. */
	static Leadership elected(DataSource dataSource, Duration timeToLive, Duration heartBeat, String node,
			Clock clock) {
		return new Leadership(dataSource, timeToLive, heartBeat, node, clock);
	}

	/** One node: it leads. */
	static Leadership single(String node, Clock clock) {
		return new Leadership(null, null, null, node, clock);
	}

	public boolean isLeader() {
		return (this.initiator == null) || (this.running && this.since != null);
	}

	/** When this node became the leader, if it is. */
	public Optional<Instant> leaderSince() {
		return isLeader() ? Optional.ofNullable(this.since) : Optional.empty();
	}

	public boolean elected() {
		return this.initiator != null;
	}

	public String node() {
		return this.node;
	}

	/** ShedLock's locks, given only to the leader. */
	LockProvider lockProvider(LockProvider delegate) {
		return new LockProvider() {

			@Override
			public Optional<SimpleLock> lock(LockConfiguration configuration) {
				return isLeader() ? delegate.lock(configuration) : Optional.empty();
			}

		};
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up()
			.withDetail("node", this.node)
			.withDetail("election", elected() ? "jdbc-lock" : "single-node")
			.withDetail("leader", isLeader());
		leaderSince().ifPresent((at) -> builder.withDetail("leaderSince", at.toString()));
	}

	@Override
	public void start() {
		if (this.initiator != null) {
			this.repository.start();
			this.initiator.start();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.initiator != null) {
			this.initiator.stop();
			this.repository.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops after the bulk runs hand on and before the database goes. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

	@Override
	public void destroy() {
		if (this.initiator != null) {
			this.initiator.destroy();
		}
	}

}
