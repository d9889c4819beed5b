package vn.loa.plans;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.PictureAnchor;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

import vn.loa.plans.PlanProgress.CountedItem;
import vn.loa.plans.PlanProgress.Line;
import vn.loa.plans.PlanProgress.Progress;

/**
 * A period's report in the form officers file ("Báo cáo kết quả thực hiện Kế hoạch … quý
 * IV năm 2026"): the issuing body and period, a table of tasks with target, achieved,
 * percentage and notes, a bar chart of achieved against target ({@link PlanChart}, a PNG
 * in both the PDF and the sheet), the items counted with their links, and a place for the
 * signature. The same progress gives the same bytes in CSV; the PDF is rendered from a
 * Thymeleaf view with DejaVu Sans embedded, so Vietnamese letters print as letters.
 */
@Component
class PlanReports {

	static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";

	static final String FONT_BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

	static final List<String> HEADER = List.of("Mã nhiệm vụ", "Nhiệm vụ", "Mã đơn vị", "Đơn vị", "Kênh", "Đơn vị tính",
			"Chỉ tiêu", "Đạt được", "Trong đó nhập tay", "Tỷ lệ (%)", "Tình trạng");

	private final TemplateEngine templates;

	PlanReports(TemplateEngine templates) {
		this.templates = templates;
	}

	static String title(Progress progress) {
		return "Báo cáo kết quả thực hiện " + progress.plan().name() + " " + progress.period().vietnamese();
	}

	static String measure(String measure) {
		return "MINUTES".equals(measure) ? "phút" : "tin, bài";
	}

	static String status(PlanProgress.Status status) {
		return switch (status) {
			case DONE -> "Hoàn thành";
			case ON_TRACK -> "Đúng tiến độ";
			case AT_RISK -> "Có nguy cơ chậm";
			case OVERDUE -> "Quá hạn";
		};
	}

	byte[] csv(Progress progress) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
			csv.printRecord(title(progress));
			csv.printRecord(progress.plan().document(), progress.plan().issuer(), progress.period().key(),
					progress.period().from(), progress.period().to());
			csv.printRecord(HEADER);
			for (Line line : progress.tasks()) {
				csv.printRecord(line.code(), line.title(), line.unit(), line.unitName(), line.channel(),
						measure(line.measure()), line.target(), line.achieved(), line.manual(), line.percent(),
						status(line.status()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ("\uFEFF" + out).getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	byte[] xlsx(Progress progress) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(bytes, "Loa", "1.0");
			Worksheet sheet = workbook.newWorksheet("Kết quả");
			sheet.value(0, 0, title(progress));
			sheet.style(0, 0).bold().fontSize(13).set();
			sheet.value(1, 0, progress.plan().issuer());
			sheet.value(2, 0, progress.plan().document());
			sheet.value(3, 0, "Kỳ báo cáo: " + progress.period().key() + " (" + progress.period().from() + " – "
					+ progress.period().to() + ")");
			int row = 5;
			for (int c = 0; c < HEADER.size(); c++) {
				sheet.value(row, c, HEADER.get(c));
				sheet.style(row, c).bold().fillColor("DDE6F0").set();
			}
			for (Line line : progress.tasks()) {
				row++;
				sheet.value(row, 0, line.code());
				sheet.value(row, 1, line.title());
				sheet.value(row, 2, line.unit());
				sheet.value(row, 3, line.unitName());
				sheet.value(row, 4, line.channel());
				sheet.value(row, 5, measure(line.measure()));
				sheet.value(row, 6, line.target());
				sheet.value(row, 7, line.achieved());
				sheet.value(row, 8, line.manual());
				sheet.value(row, 9, line.percent());
				sheet.value(row, 10, status(line.status()));
				sheet.style(row, 10).fillColor(switch (line.status()) {
					case DONE -> "C8E6C9";
					case ON_TRACK -> "E3F2FD";
					case AT_RISK -> "FFF3C4";
					case OVERDUE -> "FFCDD2";
				}).set();
			}
			sheet.width(1, 60);
			sheet.width(3, 36);
			byte[] chart = PlanChart.png(progress.tasks());
			if (chart != null) {
				row += 2;
				sheet.value(row, 0, "Biểu đồ kết quả so với chỉ tiêu");
				sheet.style(row, 0).bold().set();
				sheet.addImage(PictureAnchor.oneCellAnchor(0, row + 1, PlanChart.WIDTH * 3 / 4,
						PlanChart.height(progress.tasks().size()) * 3 / 4), chart);
			}
			Worksheet items = workbook.newWorksheet("Danh mục tin bài");
			List<String> header = List.of("Mã nhiệm vụ", "Đơn vị", "Ngày", "Loại", "Kênh", "Tiêu đề / ghi chú",
					"Số lượng", "Liên kết");
			for (int c = 0; c < header.size(); c++) {
				items.value(0, c, header.get(c));
				items.style(0, c).bold().set();
			}
			int r = 0;
			for (Line line : progress.tasks()) {
				for (CountedItem item : line.items()) {
					r++;
					items.value(r, 0, line.code());
					items.value(r, 1, line.unitName());
					items.value(r, 2, item.date().toString());
					items.value(r, 3, item.kind());
					items.value(r, 4, item.channel());
					items.value(r, 5, item.title());
					items.value(r, 6, item.amount());
					items.value(r, 7, item.link());
				}
			}
			items.width(5, 60);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	byte[] pdf(Progress progress) {
		Context context = new Context(Locale.forLanguageTag("vi"));
		context.setVariable("progress", progress);
		context.setVariable("title", title(progress));
		context.setVariable("reports", this);
		byte[] chart = PlanChart.png(progress.tasks());
		context.setVariable("chart", (chart != null)
				? "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(chart) : null);
		String html = this.templates.process("reports/plan-report", context);
		org.jsoup.nodes.Document parsed = Jsoup.parse(html);
		parsed.outputSettings().syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = bytes) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> stream(FONT), "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
			builder.useFont(() -> stream(FONT_BOLD), "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
			builder.withW3cDocument(new W3CDom().fromJsoup(parsed), "/");
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static InputStream stream(String resource) {
		InputStream in = PlanReports.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("The report font " + resource + " is missing from the classpath");
		}
		return in;
	}

	public String statusText(PlanProgress.Status status) {
		return status(status);
	}

	public String measureText(String measure) {
		return measure(measure);
	}

}
