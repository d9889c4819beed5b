package vn.loa.deliverylog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;

/** Where every channel flow sends its outcomes: {@value DeliveryLogFlow#OUTCOMES}. */
@Configuration(proxyBeanMethods = false)
public class DeliveryLogFlow {

	/** The input channel of the delivery log's recording flow. */
	public static final String OUTCOMES = "deliveryOutcomes";

	@Bean
	IntegrationFlow deliveryOutcomesFlow(DeliveryLog log) {
		return IntegrationFlow.from(OUTCOMES).handle(DeliveryOutcome.class, (outcome, headers) -> {
			log.record(outcome);
			return null;
		}, e -> e.id("deliveryLogRecorder")).get();
	}

}
