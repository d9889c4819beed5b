package vn.loa.channels;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { WebChannelsJourney.SITE_0, WebChannelsJourney.SITE_1, WebChannelsJourney.SITE_1_PASSWORD,
				WebChannelsJourney.WRONG_PASSWORD, WebChannelsJourney.ENDPOINT })
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "pgtest" })
class PostgresWebChannelsJourneyTests extends WebChannelsJourney {

}
