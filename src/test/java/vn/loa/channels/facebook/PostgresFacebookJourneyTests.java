package vn.loa.channels.facebook;

import org.springframework.test.context.ActiveProfiles;

@FacebookTest
@ActiveProfiles({ "postgres", "pgtest" })
class PostgresFacebookJourneyTests extends FacebookJourney {

}
