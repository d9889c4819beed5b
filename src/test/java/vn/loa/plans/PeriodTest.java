package vn.loa.plans;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

	@Test
	void parsesTheFivePeriodKinds() {
		assertThat(Period.parse("period", "2026-11"))
			.isEqualTo(new Period("2026-11", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
		assertThat(Period.parse("period", "2026-q4").to()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(Period.parse("period", "2026-Q4").months()).isEqualTo(3);
		assertThat(Period.parse("period", "2026-H2").from()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(Period.parse("period", "2026-9M").to()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(Period.parse("period", "2026").months()).isEqualTo(12);
		assertThat(Period.parse("period", "2026-Q4").vietnamese()).isEqualTo("quý IV năm 2026");
		assertThat(Period.parse("period", "2026-9M").vietnamese()).isEqualTo("9 tháng năm 2026");
	}

	@Test
	void refusesUnknownKeysNamingTheField() {
		for (String key : new String[] { "2026-13", "2026-Q5", "2026-H3", "26", "2026-8M", "", "Q4" }) {
			assertThatThrownBy(() -> Period.parse("period", key)).isInstanceOf(ErrorResponseException.class)
				.hasMessageContaining("period");
		}
	}

}
