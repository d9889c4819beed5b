package vn.loa.channels.zalo;

import org.springframework.test.context.ActiveProfiles;

@ZaloTest
@ActiveProfiles({ "postgres", "pgtest" })
class PostgresZaloJourneyTests extends ZaloJourney {

}
