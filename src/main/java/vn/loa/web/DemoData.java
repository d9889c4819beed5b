package vn.loa.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.loa.channels.ChannelDescriptor;
import vn.loa.common.DemoProperties;
import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.content.Link;
import vn.loa.publishing.PublicationRequest;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.Target;

/**
 * The embedded default's sample content, written for Loa after the provincial
 * administrative reform communication plans: one item published to the portal, one
 * approved and waiting, one in review and one draft, so a newcomer sees every state at
 * once. Runs once, on an empty database, only when demo data is enabled.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoProperties demo;

	private final ContentService contents;

	private final PublicationService publications;

	private final List<ChannelDescriptor> channels;

	DemoData(DemoProperties demo, ContentService contents, PublicationService publications,
			List<ChannelDescriptor> channels) {
		this.demo = demo;
		this.contents = contents;
		this.publications = publications;
		this.channels = channels;
	}

	/**
	 * Where the sample item is published: Loa's own portal, and the WordPress and webhook
	 * channels only while they run against Loa's simulators. Sample content never goes to
	 * a live channel: a site configured as {@code live} is an agency's real site.
	 */
	List<Target> sampleTargets() {
		List<Target> targets = new java.util.ArrayList<>();
		targets.add(new Target("portal", null));
		for (String id : List.of("wordpress", "webhook")) {
			this.channels.stream()
				.filter((c) -> c.id().equals(id) && c.enabled() && "sandbox".equals(c.mode())
						&& !c.defaultTargets().isEmpty())
				.findFirst()
				.ifPresent((c) -> targets.add(new Target(id, null)));
		}
		return targets;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo.enabled() || !this.contents.list(null, null, 1, 0).isEmpty()) {
			return;
		}
		ContentItem online = approved(new ContentDraft("Nộp hồ sơ thủ tục hành chính trực tuyến tại nhà",
				"Người dân, doanh nghiệp có thể nộp hồ sơ, theo dõi tiến độ và nhận kết quả mà không cần đến cơ quan nhà nước.",
				"""
						Từ ngày 01/7/2021, hơn 1.200 thủ tục hành chính của tỉnh được cung cấp dưới dạng **dịch vụ công trực tuyến mức độ 3, 4**.

						Người dân chỉ cần:

						1. Đăng ký tài khoản trên Cổng dịch vụ công của tỉnh;
						2. Chọn thủ tục, điền tờ khai và đính kèm bản chụp giấy tờ;
						3. Thanh toán phí, lệ phí trực tuyến (nếu có) và chọn nhận kết quả qua bưu chính.

						Năm 2021, tỉnh phấn đấu 30% hồ sơ được nộp trực tuyến. Mọi vướng mắc xin gọi đường dây nóng 0258 3822 222.
						""",
				"dich-vu-cong", List.of(Audience.CITIZENS_AND_BUSINESSES), List.of("56"),
				List.of(new Link("Cổng dịch vụ công tỉnh", "https://dichvucong.example.vn")), List.of()));
		approved(new ContentDraft("Tháng cao điểm tuyên truyền cải cách hành chính",
				"Các sở, ngành, địa phương tổ chức tuyên truyền CCHC trong tháng 10.",
				"""
						UBND tỉnh phát động tháng cao điểm tuyên truyền cải cách hành chính. Mỗi cơ quan, đơn vị đăng ít nhất 10 tin, bài về CCHC trên trang thông tin điện tử của mình trong năm.

						Cán bộ, công chức, viên chức (CBCCVC) tại bộ phận một cửa cần niêm yết công khai, đầy đủ thủ tục hành chính (TTHC) và hướng dẫn người dân tận tình.
						""",
				"cai-cach-hanh-chinh", List.of(Audience.CIVIL_SERVANTS), List.of("56"), List.of(), List.of()));
		ContentItem review = this.contents
			.create(new ContentDraft("Cuộc thi tìm hiểu cải cách hành chính dành cho học sinh",
					"Học sinh trung học phổ thông tham gia trả lời câu hỏi trực tuyến về cải cách hành chính.",
					"""
							Sở Giáo dục và Đào tạo phối hợp với Sở Nội vụ tổ chức cuộc thi trực tuyến từ ngày 15/9/2021 đến ngày 15/10/2021.

							Học sinh và phụ huynh có thể tìm hiểu quy trình làm thủ tục hành chính qua mạng, dịch vụ bưu chính công ích và Cổng dịch vụ công quốc gia.
							""",
					"cai-cach-hanh-chinh", List.of(Audience.STUDENTS_AND_PARENTS), List.of("56"), List.of(), List.of()),
					"editor");
		this.contents.submit(review.id(), "editor");
		this.contents.create(new ContentDraft("Kết quả khảo sát mức độ hài lòng của người dân năm 2021",
				"Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính đạt 81,5%.",
				"Kết quả khảo sát cho thấy 81,5% người dân hài lòng với sự phục vụ của cơ quan hành chính nhà nước.",
				"cai-cach-hanh-chinh", List.of(Audience.CITIZENS_AND_BUSINESSES), List.of("56"), List.of(), List.of()),
				"editor");
		List<Target> targets = sampleTargets();
		this.publications.create(new PublicationRequest(online.id(), targets, null, false, null),
				new PublicationService.Actor("approver", true));
		log.info("Loaded the sample content: 4 items, one published to {} (channels in live mode get no sample"
				+ " content)", targets.stream().map(Target::channel).toList());
	}

	private ContentItem approved(ContentDraft draft) {
		ContentItem item = this.contents.create(draft, "editor");
		this.contents.submit(item.id(), "editor");
		return this.contents.approve(item.id(), "approver");
	}

}
