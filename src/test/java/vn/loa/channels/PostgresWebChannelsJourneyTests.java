package vn.loa.channels;

import org.springframework.test.context.ActiveProfiles;

@WebChannelsTest
@ActiveProfiles({ "postgres", "pgtest" })
class PostgresWebChannelsJourneyTests extends WebChannelsJourney {

}
