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
 */
@ConfigurationProperties("loa.channels.bulk")
public record BulkProperties(@DefaultValue("20s") Duration stopTimeout) {

}
