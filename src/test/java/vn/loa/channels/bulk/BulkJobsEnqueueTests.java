package vn.loa.channels.bulk;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import vn.loa.audience.SegmentSpec;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * A broadcast's job is written even when the database drops a connection under it (as
 * PostgreSQL's {@code pg_terminate_backend} does): the write is tried again, and it is
 * idempotent. Other failures are not tried again.
 */
class BulkJobsEnqueueTests {

	private final JdbcTemplate jdbc = mock(JdbcTemplate.class);

	private final BulkJobs jobs = new BulkJobs(this.jdbc, Clock.systemUTC());

	@Test
	void aConnectionTerminatedWhileTheJobIsWrittenIsTriedAgain() {
		willThrow(new DataAccessResourceFailureException("FATAL: terminating connection due to administrator command"))
			.willReturn(1)
			.given(this.jdbc)
			.update(anyString(), any(Object[].class));
		given(this.jdbc.queryForObject(anyString(), eq(Long.class), any(Object[].class))).willReturn(7L);

		long id = this.jobs.enqueue("sms", 36, "area=CLD", SegmentSpec.of(null, "CLD"), "Tin", "v1", true,
				Instant.now());

		assertThat(id).isEqualTo(7L);
		verify(this.jdbc, times(2)).update(anyString(), any(Object[].class));
	}

	@Test
	void otherFailuresAreNotTriedAgain() {
		willThrow(new DataIntegrityViolationException("value too long")).given(this.jdbc)
			.update(anyString(), any(Object[].class));

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jobs.enqueue("sms", 36,
				"area=CLD", SegmentSpec.of(null, "CLD"), "Tin", "v1", true, Instant.now()));
		verify(this.jdbc, times(1)).update(anyString(), any(Object[].class));
	}

}
