package vn.loa.channels;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The application on a real port (the sandbox simulators are reached over HTTP) with two
 * WordPress sites, one of them with a wrong application password, and one webhook
 * endpoint. Test classes that share this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		// Lists replace each other across property sources, so both sites are named.
		"loa.channels.wordpress.sites[0].name=so-noi-vu", "loa.channels.wordpress.sites[1].name=sai-mat-khau",
		"loa.channels.wordpress.sites[1].password-env=LOA_TEST_WRONG_WP_PASSWORD",
		"LOA_TEST_WRONG_WP_PASSWORD=not the application password", "loa.channels.webhook.endpoints[0].name=cong-tinh",
		"loa.channels.webhook.endpoints[0].secret-env=LOA_TEST_WEBHOOK_SECRET",
		"LOA_TEST_WEBHOOK_SECRET=bi-mat-thu-nghiem",
		"loa.channels.webhook.endpoints[0].retry.receiver-drops-duplicates=true",
		// The withdrawal sweeps are called directly by the tests.
		"loa.channels.wordpress.withdrawal.sweep-interval=1h", "loa.channels.webhook.withdrawal.sweep-interval=1h" })
@AutoConfigureMockMvc
public @interface WebChannelsTest {

}
