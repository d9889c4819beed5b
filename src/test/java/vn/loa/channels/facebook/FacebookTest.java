package vn.loa.channels.facebook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The application on a real port, so that RestFB reaches the Graph simulator over HTTP;
 * the retry and withdrawal sweeps are called by the tests, and the publication scheduler
 * looks for due publications every second. Test classes with this annotation share one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loa.channels.facebook.retry.sweep-interval=1h",
				"loa.channels.facebook.withdrawal.sweep-interval=1h",
				// Loa's scheduler fires a publication a few seconds ahead while a test
				// waits.
				"loa.publishing.scheduler-interval=1s" })
@AutoConfigureMockMvc
@interface FacebookTest {

}
