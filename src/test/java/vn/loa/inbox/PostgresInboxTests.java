package vn.loa.inbox;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@AutoConfigureMockMvc
@Import(InboxContract.Replies.class)
@ActiveProfiles({ "postgres", "pgtest" })
class PostgresInboxTests extends InboxContract {

}
