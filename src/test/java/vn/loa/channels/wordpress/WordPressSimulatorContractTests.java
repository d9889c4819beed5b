package vn.loa.channels.wordpress;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The WordPress contract against Loa's own simulator: the same assertions as against a
 * real WordPress, so sandbox runs test what live runs meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loa.channels.wordpress.mode=sandbox", "loa.channels.wordpress.sandbox.time-zone=Asia/Tokyo",
				"loa.channels.wordpress.sandbox.accounts[0].username=loa-author",
				"loa.channels.wordpress.sandbox.accounts[0].application-password=author app password 1111",
				"loa.channels.wordpress.sandbox.accounts[0].role=author",
				"loa.channels.wordpress.sites[0].name=" + WordPressContract.ADMIN,
				"loa.channels.wordpress.sites[1].name=" + WordPressContract.WRONG,
				"loa.channels.wordpress.sites[1].password-env=LOA_TEST_WP_WRONG",
				"LOA_TEST_WP_WRONG=not the application password",
				"loa.channels.wordpress.sites[2].name=" + WordPressContract.AUTHOR,
				"loa.channels.wordpress.sites[2].username=loa-author",
				"loa.channels.wordpress.sites[2].password-env=LOA_TEST_WP_AUTHOR",
				"LOA_TEST_WP_AUTHOR=author app password 1111",
				"loa.channels.wordpress.sites[3].name=" + WordPressContract.PLAIN,
				"loa.channels.wordpress.sites[3].base-url=/sandbox/wordpress/plain",
				"loa.channels.wordpress.withdrawal.sweep-interval=1h" })
@AutoConfigureMockMvc
class WordPressSimulatorContractTests extends WordPressContract {

	@LocalServerPort
	int port;

	@Override
	String apiRoot(String site) {
		String base = "http://127.0.0.1:" + this.port + "/sandbox/wordpress";
		return PLAIN.equals(site) ? base + "/plain/index.php?rest_route=/" : base + "/wp-json/";
	}

	@Override
	String adminCredentials(String site) {
		return "loa-sandbox:sandbox app password 0000";
	}

}
