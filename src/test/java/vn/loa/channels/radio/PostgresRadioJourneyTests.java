package vn.loa.channels.radio;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The radio journey on the local PostgreSQL. Its own database (create it with
 * {@code createdb -h 127.0.0.1 -U postgres loa_radio_test}) keeps this branch's
 * migrations apart from other branches' runs on {@code loa_test}.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/loa_radio_test")
@AutoConfigureMockMvc
@ActiveProfiles({ "postgres", "pgtest" })
class PostgresRadioJourneyTests extends RadioJourney {

}
