package vn.loa.rendering;

import java.time.Instant;
import java.util.List;

import vn.loa.content.Audience;
import vn.loa.content.ContentVersion;
import vn.loa.content.Link;

/**
 * The item a template is tried on when it is saved or previewed without a chosen item.
 */
final class SampleContent {

	static final ContentVersion ITEM = new ContentVersion(0, 1, "mau-thong-bao-dich-vu-cong",
			"Nộp hồ sơ thủ tục hành chính trực tuyến qua Cổng dịch vụ công",
			"Người dân có thể nộp hồ sơ và nhận kết quả tại nhà.",
			"Từ ngày 01/7/2021, người dân và doanh nghiệp có thể **nộp hồ sơ trực tuyến** mức độ 3, 4.\n\n"
					+ "- Tra cứu tình trạng hồ sơ\n- Thanh toán phí, lệ phí trực tuyến\n\n"
					+ "Chi tiết xem tại [Cổng dịch vụ công](https://dichvucong.example.vn).",
			"dich-vu-cong", List.of(Audience.CITIZENS_AND_BUSINESSES), List.of("56"),
			List.of(new Link("Cổng dịch vụ công", "https://dichvucong.example.vn")), List.of(), "sample",
			Instant.EPOCH);

	private SampleContent() {
	}

}
