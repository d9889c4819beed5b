package vn.loa.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

import vn.loa.common.DemoProperties;
import vn.loa.common.LoaClock;
import vn.loa.content.Audience;
import vn.loa.content.ContentDraft;
import vn.loa.content.ContentItem;
import vn.loa.content.ContentService;
import vn.loa.deliverylog.AirtimeReported;
import vn.loa.plans.Plan;
import vn.loa.plans.Plan.Document;
import vn.loa.plans.Plan.Task;
import vn.loa.plans.PlanCounter;
import vn.loa.plans.PlanEntries;
import vn.loa.plans.PlanEntries.EntryInput;
import vn.loa.plans.Plans;
import vn.loa.publishing.PublicationRequest;
import vn.loa.publishing.PublicationService;
import vn.loa.publishing.Target;
import vn.loa.units.MemberKind;
import vn.loa.units.UnitScope;
import vn.loa.units.Units;
import vn.loa.units.Units.UnitInput;

/**
 * The embedded default's sample plan: the "Kế hoạch tuyên truyền cải cách hành chính"
 * that the People's Committee of Khánh Hòa province issued with Decision 590/QĐ-UBND of
 * 11 March 2021 (a seed document), with the units it assigns and its tasks as the text
 * sets them — items to the provincial administrative reform portal every month before the
 * 25th from each department and district, the district stations' reform segment, the
 * text-message campaign, the business dialogue conference and the leaflets. Where the
 * Khánh Hòa text names an activity without a figure the quota is "at least once"; the
 * district radio minutes take the 15 minutes a month that Đắk Lắk's plan of the same year
 * sets. The plan runs over the current year so that a newcomer sees progress: a few items
 * published now through the ordinary pipeline, and manual entries for the conference and
 * leaflets of this quarter.
 */
@Component
@Order(30)
class PlanDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PlanDemoData.class);

	static final String TOPIC = "cai-cach-hanh-chinh";

	private final DemoProperties demo;

	private final Units units;

	private final Plans plans;

	private final PlanEntries entries;

	private final ContentService contents;

	private final PublicationService publications;

	private final Clock clock;

	private final PlanCounter counter;

	private final JdbcClient jdbc;

	private final PlatformTransactionManager transactionManager;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	PlanDemoData(DemoProperties demo, Units units, Plans plans, PlanEntries entries, ContentService contents,
			PublicationService publications, Clock clock, PlanCounter counter, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
		this.counter = counter;
		this.jdbc = jdbc;
		this.transactionManager = transactionManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.demo = demo;
		this.units = units;
		this.plans = plans;
		this.entries = entries;
		this.contents = contents;
		this.publications = publications;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo.enabled() || this.units.find("ubnd-kh").isPresent()) {
			return;
		}
		unit("ubnd-kh", "Ủy ban nhân dân tỉnh Khánh Hòa", null, "PEOPLES_COMMITTEE", "56");
		unit("snv-kh", "Sở Nội vụ tỉnh Khánh Hòa", "ubnd-kh", "DEPARTMENT", null);
		unit("vp-ubnd-kh", "Văn phòng Ủy ban nhân dân tỉnh Khánh Hòa", "ubnd-kh", "DEPARTMENT", null);
		unit("stttt-kh", "Sở Thông tin và Truyền thông tỉnh Khánh Hòa", "ubnd-kh", "DEPARTMENT", null);
		unit("stp-kh", "Sở Tư pháp tỉnh Khánh Hòa", "ubnd-kh", "DEPARTMENT", null);
		unit("skhdt-kh", "Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa", "ubnd-kh", "DEPARTMENT", null);
		unit("ktv", "Đài Phát thanh và Truyền hình Khánh Hòa", "ubnd-kh", "BROADCASTER", "56");
		unit("bao-kh", "Báo Khánh Hòa", "ubnd-kh", "NEWSPAPER", "56");
		unit("ubnd-nha-trang", "Ủy ban nhân dân thành phố Nha Trang", "ubnd-kh", "DISTRICT", "56.568");
		unit("ubnd-cam-ranh", "Ủy ban nhân dân thành phố Cam Ranh", "ubnd-kh", "DISTRICT", "56.569");
		unit("ubnd-van-ninh", "Ủy ban nhân dân huyện Vạn Ninh", "ubnd-kh", "DISTRICT", "56.571");
		unit("ubnd-ninh-hoa", "Ủy ban nhân dân thị xã Ninh Hòa", "ubnd-kh", "DISTRICT", "56.572");
		this.units.assign(MemberKind.USER, "editor", "snv-kh", "demo");
		this.units.assign(MemberKind.USER, "approver", "ubnd-kh", "demo");

		List<String> agencies = List.of("snv-kh", "vp-ubnd-kh", "stttt-kh", "stp-kh", "skhdt-kh", "ubnd-nha-trang",
				"ubnd-cam-ranh", "ubnd-van-ninh", "ubnd-ninh-hoa");
		List<String> districts = List.of("ubnd-nha-trang", "ubnd-cam-ranh", "ubnd-van-ninh", "ubnd-ninh-hoa");
		LocalDate today = LocalDate.now(this.clock.withZone(LoaClock.ZONE));
		Plan plan = this.plans.create(new Plan(null, "Kế hoạch tuyên truyền cải cách hành chính tỉnh Khánh Hòa",
				new Document("590/QĐ-UBND", LocalDate.of(2021, 3, 11), "Ủy ban nhân dân tỉnh Khánh Hòa"),
				today.getYear(), agencies,
				List.of(new Task("III.1.a",
						"Định kỳ hàng tháng (trước ngày 25), gửi tin, bài về kết quả, hoạt động, việc thực hiện "
								+ "nhiệm vụ cải cách hành chính tại cơ quan, đơn vị, địa phương lên Cổng thông tin "
								+ "điện tử cải cách hành chính tỉnh",
						"snv-kh", agencies, "PORTAL", TOPIC, "ITEMS", 1, "MONTHLY", 25, true),
						new Task("II.3.d",
								"Đài Truyền thanh - Truyền hình cấp huyện xây dựng chuyên mục cải cách hành chính, "
										+ "thường xuyên phát tin, bài về cải cách hành chính (tối thiểu 15 phút mỗi tháng)",
								"snv-kh", districts, "RADIO", TOPIC, "MINUTES", 15, "MONTHLY", null, true),
						new Task("II.3.g",
								"Gửi tin nhắn thông báo việc nộp hồ sơ thủ tục hành chính trực tuyến đến các chủ thuê "
										+ "bao di động trên địa bàn tỉnh",
								"stttt-kh", List.of(), "SMS", null, "ITEMS", 1, "YEARLY", null, false),
						new Task("III.6.a",
								"Tổ chức hội nghị đối thoại doanh nghiệp, nhà đầu tư; hội nghị, hội thảo giới thiệu "
										+ "chính sách, dự án kêu gọi đầu tư",
								"skhdt-kh", List.of("stttt-kh"), "MANUAL", null, "ITEMS", 1, "YEARLY", null, false),
						new Task("II.3.đ",
								"Phát tờ gấp truyền thông dịch vụ hành chính công trực tuyến, tuyên truyền cải cách "
										+ "hành chính trong hội nghị, hội thảo",
								"snv-kh", List.of(), "MANUAL", null, "ITEMS", 1, "YEARLY", null, false))),
				"demo");

		publish("Sở Nội vụ triển khai Kế hoạch tuyên truyền cải cách hành chính",
				"Sở Nội vụ hướng dẫn các cơ quan, đơn vị gửi tin, bài về Cổng thông tin điện tử cải cách hành chính "
						+ "trước ngày 25 hằng tháng.",
				"snv-kh");
		publish("Thành phố Nha Trang đẩy mạnh nộp hồ sơ trực tuyến",
				"Bộ phận một cửa thành phố Nha Trang hướng dẫn người dân nộp hồ sơ thủ tục hành chính trực tuyến "
						+ "mức độ 3, mức độ 4 và nhận kết quả qua bưu chính công ích.",
				"ubnd-nha-trang");
		publish("Sở Thông tin và Truyền thông ra mắt chuyên trang Infographic cải cách hành chính",
				"Chuyên trang Đồ họa trực quan trên Cổng thông tin điện tử tỉnh cập nhật các nội dung cải cách "
						+ "hành chính bằng hình ảnh.",
				"stttt-kh");

		history(agencies, districts, today);

		UnitScope all = UnitScope.ALL;
		LocalDate quarterStart = today.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1);
		LocalDate conference = quarterStart.plusDays(14).isAfter(today) ? today : quarterStart.plusDays(14);
		this.entries.record(plan.id(),
				new EntryInput("III.6.a", "skhdt-kh", conference, 1,
						"Hội nghị đối thoại doanh nghiệp, nhà đầu tư quý này với hơn 150 doanh nghiệp tham dự",
						"https://khanhhoa.gov.vn"),
				"editor", all);
		this.entries.record(plan.id(),
				new EntryInput("II.3.đ", "snv-kh", today, 1,
						"In và phát 2.000 tờ gấp hướng dẫn nộp hồ sơ trực tuyến tại Bộ phận một cửa", null),
				"editor", all);
		Plan binhDinh = binhDinh(today);
		log.info("Loaded the sample plans 590/QĐ-UBND of Khánh Hòa ({} tasks) and of Bình Định ({} tasks) with {} "
				+ "units", plan.tasks().size(), binhDinh.tasks().size(), this.units.list().size());
	}

	/**
	 * A few months of sample work before this month (back to the start of the previous
	 * quarter, within this year): most agencies' monthly item on the portal, published
	 * through the ordinary pipeline and then given the day in that month it stands for,
	 * and the district stations' reform segments reported as aired. The counter is held
	 * while the days are set, so each item counts on its own day.
	 */
	private void history(List<String> agencies, List<String> districts, LocalDate today) {
		LocalDate first = today.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1).minusMonths(3);
		if (first.getYear() != today.getYear()) {
			first = today.withDayOfYear(1);
		}
		TransactionTemplate own = new TransactionTemplate(this.transactionManager);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		Map<Long, LocalDate> days = new LinkedHashMap<>();
		List<Long> contents = new ArrayList<>();
		LocalDate from = first;
		// the counter waits until every sample item has its day; each item is published
		// in
		// a transaction of its own, so the pipeline sends it meanwhile
		this.transactions.executeWithoutResult((status) -> {
			this.counter.hold();
			int n = 0;
			for (LocalDate month = from; month.isBefore(today.withDayOfMonth(1)); month = month.plusMonths(1)) {
				for (int i = 0; i < agencies.size(); i++) {
					n++;
					// about two in three agencies send their item in a given month
					if ((i + month.getMonthValue()) % 3 == 0) {
						continue;
					}
					String unit = agencies.get(i);
					String name = this.units.find(unit).orElseThrow().name();
					LocalDate day = month.withDayOfMonth(5 + (n * 7) % 19);
					String title = SAMPLE_TITLES.get(n % SAMPLE_TITLES.size()) + " (" + name + ", tháng "
							+ month.getMonthValue() + ")";
					long[] ids = own.execute((inner) -> publishItem(title,
							title + ". Bài đã đăng trên Cổng thông tin điện tử cải cách hành chính tỉnh.", unit));
					days.put(ids[1], day);
					contents.add(ids[0]);
				}
			}
			if (days.isEmpty()) {
				return;
			}
			long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline
					&& this.jdbc.sql("select count(*) from delivery where publication_id in (:ids) and status = 'SENT'")
						.param("ids", List.copyOf(days.keySet()))
						.query(Long.class)
						.single() < days.size()) {
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			days.forEach((publication, day) -> {
				java.sql.Timestamp at = java.sql.Timestamp.from(day.atTime(9, 30).atZone(LoaClock.ZONE).toInstant());
				this.jdbc.sql("update delivery set sent_at = :at, created_at = :at where publication_id = :p")
					.param("at", at)
					.param("p", publication)
					.update();
			});
		});
		// the district stations' segments: two airings a month of 7 to 10 minutes
		if (contents.isEmpty()) {
			return;
		}
		for (String district : districts) {
			String station = "dai-" + district.substring("ubnd-".length());
			this.units.assign(MemberKind.STATION, station, district, "demo");
			int k = 0;
			for (LocalDate month = from; month.isBefore(today.withDayOfMonth(1)); month = month.plusMonths(1)) {
				for (int airing = 0; airing < 2; airing++) {
					k++;
					long content = contents.get((k * 5 + district.length()) % contents.size());
					java.time.Instant at = month.withDayOfMonth(8 + airing * 12)
						.atTime(17, 30)
						.atZone(LoaClock.ZONE)
						.toInstant();
					int seconds = (7 + (k + district.length()) % 4) * 60;
					this.transactions.executeWithoutResult((status) -> this.events
						.publishEvent(new AirtimeReported(null, station, content, at, seconds)));
				}
			}
		}
	}

	/**
	 * Bình Định's plan of the same year (seed {@code 004_…}), as its text sets the
	 * duties: the provincial station's monthly reform segment of 10 to 15 minutes, three
	 * items a month on Báo Bình Định's reform page (a newspaper, so entered by hand), at
	 * least 10 items on each agency's website and 20 on the provincial portal in the
	 * year, and each agency's quarterly submission of items to Sở Nội vụ. The text bears
	 * no number or date.
	 */
	private Plan binhDinh(LocalDate today) {
		unit("ubnd-bd", "Ủy ban nhân dân tỉnh Bình Định", null, "PEOPLES_COMMITTEE", null);
		unit("snv-bd", "Sở Nội vụ tỉnh Bình Định", "ubnd-bd", "DEPARTMENT", null);
		unit("stttt-bd", "Sở Thông tin và Truyền thông tỉnh Bình Định", "ubnd-bd", "DEPARTMENT", null);
		unit("ptth-bd", "Đài Phát thanh và Truyền hình Bình Định", "ubnd-bd", "BROADCASTER", null);
		unit("bao-bd", "Báo Bình Định", "ubnd-bd", "NEWSPAPER", null);
		unit("ubnd-quy-nhon", "Ủy ban nhân dân thành phố Quy Nhơn", "ubnd-bd", "DISTRICT", null);
		unit("ubnd-an-nhon", "Ủy ban nhân dân thị xã An Nhơn", "ubnd-bd", "DISTRICT", null);
		List<String> agencies = List.of("snv-bd", "stttt-bd", "ubnd-quy-nhon", "ubnd-an-nhon");
		return this.plans.create(new Plan(null, "Kế hoạch tuyên truyền công tác cải cách hành chính tỉnh Bình Định",
				new Document(null, null, "Ủy ban nhân dân tỉnh Bình Định"), today.getYear(), agencies,
				List.of(new Task("III.1",
						"Duy trì chuyên mục cải cách hành chính trên Đài Phát thanh và Truyền hình tỉnh mỗi tháng "
								+ "một lần, thời lượng mỗi lần từ 10 đến 15 phút",
						"ptth-bd", List.of(), "RADIO", TOPIC, "MINUTES", 10, "MONTHLY", null, false),
						new Task("III.2",
								"Duy trì chuyên trang cải cách hành chính trên Báo Bình Định 03 tin (bài)/tháng",
								"bao-bd", List.of(), "NEWSPAPER", null, "ITEMS", 3, "MONTHLY", null, false),
						new Task("III.4.a",
								"Tuyên truyền ít nhất 10 tin, bài trên mỗi Trang thông tin điện tử của các cơ quan, đơn vị, "
										+ "địa phương",
								"snv-bd", agencies, "WORDPRESS", TOPIC, "ITEMS", 10, "YEARLY", null, true),
						new Task("III.4.b", "20 tin, bài trên Cổng thông tin điện tử của tỉnh về cải cách hành chính",
								"stttt-bd", List.of(), "PORTAL", TOPIC, "ITEMS", 20, "YEARLY", null, false),
						new Task("III.4.c",
								"Định kỳ hàng quý gửi tin, bài về kết quả thực hiện nhiệm vụ cải cách hành chính về Sở Nội vụ",
								"snv-bd", agencies, "MANUAL", null, "ITEMS", 1, "QUARTERLY", null, true))),
				"demo");
	}

	static final List<String> SAMPLE_TITLES = List.of("Kết quả thực hiện cải cách thủ tục hành chính",
			"Đẩy mạnh tiếp nhận hồ sơ trực tuyến toàn trình", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
			"Hướng dẫn thanh toán trực tuyến phí, lệ phí", "Khảo sát mức độ hài lòng của người dân, doanh nghiệp",
			"Rà soát, đơn giản hóa thủ tục hành chính nội bộ",
			"Niêm yết công khai thủ tục hành chính tại bộ phận một cửa");

	private void unit(String code, String name, String parent, String kind, String area) {
		this.units.create(new UnitInput(code, name, parent, kind, area));
	}

	private void publish(String title, String body, String unit) {
		publishItem(title, body, unit);
	}

	/**
	 * An approved reform item published to the portal for a unit: {content, publication}.
	 */
	private long[] publishItem(String title, String body, String unit) {
		ContentItem item = this.contents.create(new ContentDraft(title, body, body, TOPIC,
				List.of(Audience.CIVIL_SERVANTS), List.of("56"), List.of(), List.of()), "editor");
		this.contents.submit(item.id(), "editor");
		this.contents.approve(item.id(), "approver");
		long publication = this.publications
			.create(new PublicationRequest(item.id(), List.of(new Target("portal", null)), null, false, null, unit),
					new PublicationService.Actor("approver", true, true))
			.id();
		return new long[] { item.id(), publication };
	}

}
