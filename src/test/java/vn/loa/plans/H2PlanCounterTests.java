package vn.loa.plans;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import(PlanCounterContract.Clocks.class)
class H2PlanCounterTests extends PlanCounterContract {

}
