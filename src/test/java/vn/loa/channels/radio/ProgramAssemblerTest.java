package vn.loa.channels.radio;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.loa.channels.radio.ProgramAssembler.AssembledProgram;
import vn.loa.channels.radio.ProgramAssembler.ProgramSource;
import vn.loa.rendering.RadioScriptWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramAssemblerTest {

	private final ProgramAssembler assembler = new ProgramAssembler(
			new RadioScriptWriter(Path.of("templates/radio/abbreviations.tsv"), 180), ProgramAssemblerTest::template,
			30);

	private final List<ProgramSource> items = List.of(
			new ProgramSource(1, "Nộp hồ sơ trực tuyến", "UBND tỉnh khuyến khích nộp hồ sơ qua DVCTT."),
			new ProgramSource(2, "Đường dây nóng", "Mọi phản ánh về TTHC xin gọi 0262.8552255."));

	/**
	 * The radio templates as they are in the repository, rendered as Loa renders them.
	 */
	static String template(String name, java.util.Map<String, Object> model) {
		try {
			String source = java.nio.file.Files.readString(Path.of("templates/radio", name + ".mustache"));
			return com.samskivert.mustache.Mustache.compiler().escapeHTML(false).compile(source).execute(model);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void assemblesIntroItemsInOrderAndOutro() {
		AssembledProgram program = this.assembler.assemble("Chuyên mục cải cách hành chính", this.items, 60, 180,
				LocalDate.of(2026, 11, 24));
		assertThat(program.parts()).extracting(ProgramAssembler.Part::kind)
			.containsExactly("INTRO", "ITEM", "ITEM", "OUTRO");
		assertThat(program.parts()).extracting(ProgramAssembler.Part::contentId).containsExactly(null, 1L, 2L, null);
		assertThat(program.script()).startsWith("Kính thưa quý vị và các bạn!")
			.contains("phát sóng ngày hai mươi tư tháng mười một năm hai nghìn không trăm hai mươi sáu")
			.contains("gồm hai nội dung")
			.contains(
					"Nộp hồ sơ trực tuyến.\n\nỦy ban nhân dân tỉnh khuyến khích nộp hồ sơ qua dịch vụ công trực tuyến.")
			.contains("xin gọi không hai sáu hai, tám năm năm, hai hai năm năm")
			.endsWith("Hẹn gặp lại quý vị trong chương trình lần sau.");
		assertThat(program.script().indexOf("Nộp hồ sơ")).isLessThan(program.script().indexOf("Đường dây nóng"));
		int words = program.parts().stream().mapToInt(ProgramAssembler.Part::words).sum();
		assertThat(program.seconds()).isEqualTo((int) Math.ceil(words / 3.0));
	}

	@Test
	void reportsUnderAndOverTargetAndByHowMuch() {
		AssembledProgram shortProgram = this.assembler.assemble("Chuyên mục", this.items, 12 * 60, 180,
				LocalDate.of(2026, 11, 24));
		assertThat(shortProgram.timing().verdict()).isEqualTo("UNDER");
		assertThat(shortProgram.timing().differenceSeconds()).isEqualTo(shortProgram.seconds() - 720).isNegative();
		assertThat(shortProgram.timing().message()).startsWith("Ngắn hơn thời lượng mục tiêu 1");

		ProgramAssembler strict = new ProgramAssembler(
				new RadioScriptWriter(Path.of("templates/radio/abbreviations.tsv"), 180),
				ProgramAssemblerTest::template, 5);
		AssembledProgram longProgram = strict.assemble("Chuyên mục", this.items, 10, 180, LocalDate.of(2026, 11, 24));
		assertThat(longProgram.timing().verdict()).isEqualTo("OVER");
		assertThat(longProgram.timing().differenceSeconds()).isEqualTo(longProgram.seconds() - 10);
	}

	@Test
	void countsWithinTheToleranceAsOnTarget() {
		assertThat(ProgramAssembler.Timing.of(715, 720, 30).verdict()).isEqualTo("ON_TARGET");
		assertThat(ProgramAssembler.Timing.of(600, 720, 30).message()).isEqualTo("Ngắn hơn thời lượng mục tiêu 2 phút");
		assertThat(ProgramAssembler.Timing.of(845, 720, 30).message())
			.isEqualTo("Dài hơn thời lượng mục tiêu 2 phút 5 giây");
	}

}
