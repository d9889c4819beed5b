package vn.loa.channels;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a withdrawal owes WordPress sites and webhook endpoints is written in the
 * withdrawing transaction itself, so that a crash before the sites and endpoints are
 * called leaves it to the sweeps rather than losing it.
 */
@WebChannelsTest
class WithdrawalMarksTests {

	@Autowired
	ContentService contents;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theWithdrawalAndWhatItOwesTheChannelsCommitTogether() {
		ContentItem item = this.contents.create(
				new ContentDraft("Thông báo thu hồi " + UUID.randomUUID(), "Tóm tắt", "UBND huyện thông báo.",
						"cai-cach-hanh-chinh", List.of(Audience.CIVIL_SERVANTS), List.of("568"), List.of(), List.of()),
				"editor");
		this.contents.submit(item.id(), "editor");
		this.contents.approve(item.id(), "approver");

		// Rolled back: nothing owed.
		this.transactions.executeWithoutResult((status) -> {
			this.contents.withdraw(item.id(), "approver", "Sai số liệu");
			assertThat(marks(item.id())).containsExactly(1, 1);
			status.setRollbackOnly();
		});
		assertThat(marks(item.id())).containsExactly(0, 0);

		// Committed: owed from the moment of the commit, whatever happens after it.
		this.transactions.executeWithoutResult((status) -> {
			this.contents.withdraw(item.id(), "approver", "Sai số liệu");
			assertThat(marks(item.id())).containsExactly(1, 1);
		});
		assertThat(marks(item.id())).containsExactly(1, 1);
		assertThat(this.jdbc.sql("select reason from webhook_withdrawn where content_id = ?")
			.param(item.id())
			.query(String.class)
			.single()).isEqualTo("Sai số liệu");
	}

	private List<Integer> marks(long contentId) {
		return List.of(count("wordpress_withdrawn", contentId), count("webhook_withdrawn", contentId));
	}

	private int count(String table, long contentId) {
		return this.jdbc.sql("select count(*) from " + table + " where content_id = ?")
			.param(contentId)
			.query(Integer.class)
			.single();
	}

}
