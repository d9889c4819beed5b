package vn.loa.channels.zalo.zns;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** {@link ZnsJourney} on the in-memory H2 of the embedded default. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(ZnsJourney.ZnsTestConfiguration.class)
class H2ZnsJourneyTests extends ZnsJourney {

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		register(registry);
	}

}
