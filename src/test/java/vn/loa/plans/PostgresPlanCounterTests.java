package vn.loa.plans;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@Import(PlanCounterContract.Clocks.class)
@ActiveProfiles({ "postgres", "pgtest" })
class PostgresPlanCounterTests extends PlanCounterContract {

}
