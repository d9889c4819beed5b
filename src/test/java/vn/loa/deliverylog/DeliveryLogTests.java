package vn.loa.deliverylog;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import vn.loa.deliverylog.DeliveryLog.NewDelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SpringBootTest
@AutoConfigureMockMvc
class DeliveryLogTests {

	@Autowired
	DeliveryLog log;

	private final long publication = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);

	@Test
	void aDeliveryIsClaimedOnceSoItIsNeverSentTwice() {
		assertThat(this.log.claim(this.publication, "webhook", "crm", "webhook", "v1")).isPresent();
		assertThat(this.log.claim(this.publication, "webhook", "crm", "webhook", "v1")).isEmpty();
		this.log.record(DeliveryOutcome.sent(this.publication, "webhook", "crm", "webhook", "42", null, "v1"));
		assertThat(this.log.claim(this.publication, "webhook", "crm", "webhook", "v1")).isEmpty();
		assertThat(this.log.find(this.publication, "webhook", "crm")).hasValueSatisfying(d -> {
			assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
			assertThat(d.attempts()).isEqualTo(1);
			assertThat(d.providerReference()).isEqualTo("42");
			assertThat(d.sentAt()).isNotNull();
		});
	}

	@Test
	void lateOrRepeatedReceiptsNeverMoveARowBackwards() {
		this.log.claim(this.publication, "sms", "+84905123456", "twilio", "v1");
		this.log.record(DeliveryOutcome.sent(this.publication, "sms", "+84905123456", "twilio", "SM1", null, "v1"));
		assertThat(this.log.transitionByReference("twilio", "SM1", DeliveryStatus.DELIVERED, null, null)).isTrue();
		assertThat(this.log.transitionByReference("twilio", "SM1", DeliveryStatus.DELIVERED, null, null)).isFalse();
		assertThat(this.log.transitionByReference("twilio", "SM1", DeliveryStatus.SENT, null, null)).isFalse();
		assertThat(this.log.transitionByReference("twilio", "SM1", DeliveryStatus.PERMANENT_FAILURE, "30003", "x"))
			.isFalse();
		assertThat(this.log.find(this.publication, "sms", "+84905123456").orElseThrow().status())
			.isEqualTo(DeliveryStatus.DELIVERED);
	}

	@Test
	void bulkRowsAreInsertedOnceEvenWhenABatchIsRepeated() {
		List<NewDelivery> batch = List.of(NewDelivery.pending("+84905000001"), NewDelivery.pending("+84905000002"),
				NewDelivery.skipped("+84905000003", "OPTED_OUT", "Người nhận đã từ chối nhận tin"));
		assertThat(this.log.insertBatch(this.publication, "sms", "twilio", "v1", batch)).isEqualTo(3);
		assertThat(this.log.insertBatch(this.publication, "sms", "twilio", "v1",
				List.of(NewDelivery.pending("+84905000003"), NewDelivery.pending("+84905000004"))))
			.isEqualTo(1);
		assertThat(this.log.progress(this.publication).get("sms")).containsEntry(DeliveryStatus.PENDING, 3L)
			.containsEntry(DeliveryStatus.SKIPPED, 1L);
		assertThat(this.log.find(this.publication, "sms", "+84905000003")).hasValueSatisfying((d) -> {
			assertThat(d.status()).isEqualTo(DeliveryStatus.SKIPPED);
			assertThat(d.errorCode()).isEqualTo("OPTED_OUT");
			assertThat(d.completedAt()).isNotNull();
		});
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NewDelivery("+84905000005", DeliveryStatus.SENT, null, null));
	}

	@Test
	void progressOfManyPublicationsComesInOneAnswerWithEveryPublicationInIt() {
		long other = this.publication + 1;
		long empty = this.publication + 2;
		this.log.insertBatch(this.publication, "sms", "twilio", "v1",
				List.of(NewDelivery.pending("+84905000021"), NewDelivery.pending("+84905000022")));
		this.log.claim(this.publication, "webhook", "crm", "webhook", "v1");
		this.log.insertBatch(other, "sms", "twilio", "v1",
				List.of(NewDelivery.skipped("+84905000023", "OPTED_OUT", "Người nhận đã từ chối nhận tin")));

		var progress = this.log.progress(List.of(this.publication, other, empty));

		assertThat(progress).containsOnlyKeys(this.publication, other, empty);
		assertThat(progress.get(this.publication)).isEqualTo(this.log.progress(this.publication));
		assertThat(progress.get(this.publication).get("sms")).containsEntry(DeliveryStatus.PENDING, 2L);
		assertThat(progress.get(this.publication).get("webhook")).containsEntry(DeliveryStatus.SENDING, 1L);
		assertThat(progress.get(other))
			.isEqualTo(java.util.Map.of("sms", java.util.Map.of(DeliveryStatus.SKIPPED, 1L)));
		assertThat(progress.get(empty)).isEmpty();
		assertThat(this.log.progress(List.of())).isEmpty();
	}

	@Test
	void aPublicationsInterruptedSendsEndAsUnknownAndOthersAreLeftAlone() {
		this.log.insertBatch(this.publication, "sms", "twilio", "v1",
				List.of(NewDelivery.pending("+84905000011"), NewDelivery.pending("+84905000012")));
		this.log.claim(this.publication, "sms", "+84905000011", "twilio", "v1");
		this.log.claim(this.publication, "wordpress", "so-noi-vu", "wordpress", "v1");
		assertThat(this.log.expireSending(this.publication, "sms", "interrupted")).isEqualTo(1);
		assertThat(this.log.find(this.publication, "sms", "+84905000011")).hasValueSatisfying((d) -> {
			assertThat(d.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
			assertThat(d.errorCode()).isEqualTo(DeliveryLog.OUTCOME_UNKNOWN);
			assertThat(d.errorMessage()).isEqualTo("interrupted");
		});
		assertThat(this.log.find(this.publication, "sms", "+84905000012").orElseThrow().status())
			.isEqualTo(DeliveryStatus.PENDING);
		assertThat(this.log.find(this.publication, "wordpress", "so-noi-vu").orElseThrow().status())
			.isEqualTo(DeliveryStatus.SENDING);
	}

	@Test
	void aSendInterruptedByACrashIsMarkedUnknownNotResent() {
		this.log.claim(this.publication, "wordpress", "so-noi-vu", "wordpress", "v1");
		assertThat(this.log.expireStaleSending(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);
		assertThat(this.log.find(this.publication, "wordpress", "so-noi-vu")).hasValueSatisfying(d -> {
			assertThat(d.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
			assertThat(d.errorCode()).isEqualTo("OUTCOME_UNKNOWN");
		});
		assertThat(this.log.claim(this.publication, "wordpress", "so-noi-vu", "wordpress", "v1")).isEmpty();
	}

}
