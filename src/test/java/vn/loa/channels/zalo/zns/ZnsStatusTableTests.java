package vn.loa.channels.zalo.zns;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import vn.loa.deliverylog.DeliveryStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ZnsStatusTableTests {

	/** Every ZNS code PROVIDERS.md lists. */
	private static final Set<Integer> DOCUMENTED = Set.of(-108, -109, -111, -112, -1121, -1122, -114, -119, -118, -115,
			-124, -131, -135, -139, -141, -144, -146, -147);

	@Test
	void everyDocumentedCodeHasAVerdict() {
		assertThat(ZnsStatusTable.codes().keySet()).containsExactlyInAnyOrderElementsOf(DOCUMENTED);
	}

	@Test
	void recipientsZnsCannotReachFallBackToSmsAndNothingElseDoes() {
		Set<Integer> fallback = ZnsStatusTable.codes()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().fallback())
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());

		assertThat(fallback).containsExactlyInAnyOrder(-118, -139, -141, -114, -119, -115, -144, -147);
		assertThat(ZnsBroadcastWorker.triggersFallback("-118")).isTrue();
		assertThat(ZnsBroadcastWorker.triggersFallback("QUOTA")).isTrue();
		assertThat(ZnsBroadcastWorker.triggersFallback("-108")).isFalse();
		assertThat(ZnsBroadcastWorker.triggersFallback("HTTP")).isFalse();
	}

	@Test
	void noZaloAccountIsAPermanentFailureOfThatRecipient() {
		ZnsStatusTable.Verdict verdict = ZnsStatusTable.classify(-118, "Zalo account does not exist");

		assertThat(verdict.status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
		assertThat(verdict.kind()).isEqualTo(ZnsStatusTable.Kind.RECIPIENT);
		assertThat(verdict.code()).isEqualTo("-118");
		assertThat(verdict.message()).contains("Zalo account does not exist");
	}

	@Test
	void quotaAndTokenCodesHoldTheJobInsteadOfFailingRows() {
		assertThat(ZnsStatusTable.classify(-144, "").kind()).isEqualTo(ZnsStatusTable.Kind.QUOTA);
		assertThat(ZnsStatusTable.classify(-115, "").kind()).isEqualTo(ZnsStatusTable.Kind.QUOTA);
		assertThat(ZnsStatusTable.classify(-147, "").kind()).isEqualTo(ZnsStatusTable.Kind.QUOTA);
		assertThat(ZnsStatusTable.classify(-124, "").kind()).isEqualTo(ZnsStatusTable.Kind.TOKEN);
	}

	@Test
	void refusedConnectionMayBeSentAgainButATransportFailureAfterConnectingMayNot() {
		ZnsStatusTable.Verdict refused = ZnsStatusTable
			.transport(new org.springframework.web.client.ResourceAccessException("I/O error",
					new java.net.ConnectException("Connection refused")));
		assertThat(refused.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(vn.loa.deliverylog.DeliveryLog.NOT_REACHED).contains(refused.code());
		ZnsStatusTable.Verdict timedOut = ZnsStatusTable
			.transport(new org.springframework.web.client.ResourceAccessException("I/O error",
					new java.net.SocketTimeoutException("Read timed out")));
		assertThat(vn.loa.deliverylog.DeliveryLog.NOT_REACHED).doesNotContain(timedOut.code());
	}

	@Test
	void unknownCodeIsATechnicalFailureKeepingZalosMessage() {
		ZnsStatusTable.Verdict verdict = ZnsStatusTable.classify(-999, "Something new happened");

		assertThat(verdict.status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
		assertThat(verdict.fallback()).isFalse();
		assertThat(verdict.code()).isEqualTo("-999");
		assertThat(verdict.message()).contains("Something new happened");
	}

}
