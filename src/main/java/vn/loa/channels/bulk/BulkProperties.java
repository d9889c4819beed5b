package vn.loa.channels.bulk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bulk machinery's own settings.
 *
 * @param stopTimeout how long a stopping node waits for its runs to record their batches
 * and release their leases (well under the 30 s an orchestrator waits between SIGTERM and
 * SIGKILL)
 * @param sharedPacing keep each sender's pacing slots in the database, so that nodes
 * sending for one provider account share its rate (the {@code cluster} profile turns it
 * on); otherwise each node paces on its own
 */
@ConfigurationProperties("loa.channels.bulk")
public record BulkProperties(@DefaultValue("20s") Duration stopTimeout, @DefaultValue("false") boolean sharedPacing) {

}
