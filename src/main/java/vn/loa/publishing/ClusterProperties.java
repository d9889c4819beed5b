package vn.loa.publishing;

import java.net.InetAddress;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node takes part in a cluster.
 *
 * @param leaderElection elect one leader for the scheduled singletons (the cluster
 * profile turns it on); off, every node may run them, one at a time under ShedLock
 * @param leaderTimeToLive how long the leader's lock holds without renewal: a dead leader
 * is replaced this long after its last heartbeat
 * @param leaderHeartBeat how often the leader renews its lock
 * @param node this node's name in health and logs; the host name and process id when
 * empty
 */
@ConfigurationProperties("loa.cluster")
record ClusterProperties(@DefaultValue("false") boolean leaderElection, @DefaultValue("10s") Duration leaderTimeToLive,
		@DefaultValue("2s") Duration leaderHeartBeat, @DefaultValue("") String node) {

	String nodeName() {
		if (!this.node.isBlank()) {
			return this.node;
		}
		try {
			return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
		}
		catch (Exception ex) {
			return "node:" + ProcessHandle.current().pid();
		}
	}

}
