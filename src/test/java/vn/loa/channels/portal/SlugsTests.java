package vn.loa.channels.portal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTests {

	@Test
	void removesVietnameseMarksAndPunctuation() {
		assertThat(Slugs.of("Đẩy mạnh cải cách hành chính: nâng cao chỉ số PAR INDEX năm 2026!"))
			.isEqualTo("day-manh-cai-cach-hanh-chinh-nang-cao-chi-so-par-index-nam-2026");
		assertThat(Slugs.of("Thủ tục “một cửa” – liên thông")).isEqualTo("thu-tuc-mot-cua-lien-thong");
	}

	@Test
	void shortensLongTitlesAtAWordBoundary() {
		String slug = Slugs.of("Ủy ban nhân dân tỉnh ".repeat(10));
		assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH)
			.startsWith("uy-ban-nhan-dan-tinh")
			.doesNotEndWith("-");
	}

	@Test
	void titleWithoutLettersStillGetsASlug() {
		assertThat(Slugs.of("!!! ???")).isEqualTo("bai-viet");
	}

}
