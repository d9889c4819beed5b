package vn.loa.audience;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AreaCodesTest {

	@Test
	void normalisesSeparators() {
		assertThat(AreaCodes.normalize("48.490.20194")).isEqualTo("48.490.20194");
		assertThat(AreaCodes.normalize(" 48-490-20194 ")).isEqualTo("48.490.20194");
		assertThat(AreaCodes.normalize("48 / 490")).isEqualTo("48.490");
		assertThat(AreaCodes.normalize("dn")).isEqualTo("DN");
		assertThat(AreaCodes.normalize(" ")).isNull();
	}

	@Test
	void rejectsMalformedCodes() {
		assertThatIllegalArgumentException().isThrownBy(() -> AreaCodes.normalize("48.490.20194.1"))
			.withMessageContaining("more than 3 levels");
		assertThatIllegalArgumentException().isThrownBy(() -> AreaCodes.normalize("Đà Nẵng"))
			.withMessageContaining("not a path of unit codes");
		assertThatIllegalArgumentException().isThrownBy(() -> AreaCodes.normalize("48..490"));
	}

	@Test
	void prefixesByLevel() {
		assertThat(AreaCodes.prefix("48.490.20194", 1)).isEqualTo("48");
		assertThat(AreaCodes.prefix("48.490.20194", 2)).isEqualTo("48.490");
		assertThat(AreaCodes.prefix("48.490.20194", 3)).isEqualTo("48.490.20194");
		assertThat(AreaCodes.prefix("48", 2)).isNull();
		assertThat(AreaCodes.prefix(null, 1)).isNull();
		assertThat(AreaCodes.contains("48", "48.490")).isTrue();
		assertThat(AreaCodes.contains("4", "48.490")).isFalse();
	}

	@Test
	void segmentSpecDropsPrefixesInsideOthers() {
		SegmentSpec spec = new SegmentSpec(List.of("48.490", "48", "49-500", "48"), "Cải cách hành chính");
		assertThat(spec.areaPrefixes()).containsExactly("48", "49.500");
		assertThat(spec.topic()).isEqualTo("cai-cach-hanh-chinh");
		assertThat(SegmentSpec.all().areaPrefixes()).isEmpty();
	}

}
