package vn.loa.deliverylog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryStatusTests {

	@Test
	void movesOnlyForward() {
		assertThat(DeliveryStatus.PENDING.canMoveTo(DeliveryStatus.SENDING)).isTrue();
		assertThat(DeliveryStatus.SENDING.canMoveTo(DeliveryStatus.SENT)).isTrue();
		assertThat(DeliveryStatus.SENT.canMoveTo(DeliveryStatus.DELIVERED)).isTrue();
		assertThat(DeliveryStatus.SENT.canMoveTo(DeliveryStatus.SENDING)).isFalse();
		assertThat(DeliveryStatus.DELIVERED.canMoveTo(DeliveryStatus.SENT)).isFalse();
		assertThat(DeliveryStatus.DELIVERED.canMoveTo(DeliveryStatus.TEMPORARY_FAILURE)).isFalse();
		assertThat(DeliveryStatus.PERMANENT_FAILURE.canMoveTo(DeliveryStatus.DELIVERED)).isFalse();
		assertThat(DeliveryStatus.SENT.canMoveTo(DeliveryStatus.SENT)).isFalse();
	}

	@Test
	void aLateDeliveryReceiptStillCompletesATemporaryFailure() {
		assertThat(DeliveryStatus.TEMPORARY_FAILURE.canMoveTo(DeliveryStatus.DELIVERED)).isTrue();
		assertThat(DeliveryStatus.TEMPORARY_FAILURE.canMoveTo(DeliveryStatus.SENT)).isFalse();
	}

	@Test
	void radioRowsArePulledThenAired() {
		assertThat(DeliveryStatus.SENT.canMoveTo(DeliveryStatus.PULLED)).isTrue();
		assertThat(DeliveryStatus.PULLED.canMoveTo(DeliveryStatus.AIRED)).isTrue();
		assertThat(DeliveryStatus.AIRED.canMoveTo(DeliveryStatus.PULLED)).isFalse();
		assertThat(DeliveryStatus.predecessorsOf(DeliveryStatus.SENT)).containsExactlyInAnyOrder(DeliveryStatus.PENDING,
				DeliveryStatus.SENDING);
	}

}
