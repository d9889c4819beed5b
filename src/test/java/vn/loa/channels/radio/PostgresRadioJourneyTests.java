package vn.loa.channels.radio;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/** The radio journey on the local PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "pgtest" })
class PostgresRadioJourneyTests extends RadioJourney {

}
