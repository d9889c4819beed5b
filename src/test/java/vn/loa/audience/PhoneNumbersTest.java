package vn.loa.audience;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PhoneNumbersTest {

	@ParameterizedTest
	@ValueSource(strings = { "0905 123 456", "84905123456", "+84 90 512 3456", "(090) 512-3456", "0905.123.456",
			"905123456", " +84905123456 ", "+84 (0) 905 123 456" })
	void everySpellingOfOneMobileIsTheSameE164(String input) {
		assertThat(PhoneNumbers.normalize(input)).isEqualTo("+84905123456");
	}

	@Test
	void acceptsTheCurrentMobilePrefixes() {
		assertThat(PhoneNumbers.normalize("0388 123 456")).isEqualTo("+84388123456");
		assertThat(PhoneNumbers.normalize("0868123456")).isEqualTo("+84868123456");
		assertThat(PhoneNumbers.normalize("0779 123 456")).isEqualTo("+84779123456");
	}

	@Test
	void rejectsOldElevenDigitNumbers() {
		assertThat(PhoneNumbers.check("0123 456 7890").valid()).isFalse();
		assertThat(PhoneNumbers.check("01234567890").reason()).contains("not a valid Vietnamese number");
	}

	@Test
	void rejectsFixedLinesWithAReason() {
		PhoneNumbers.PhoneNumberCheck check = PhoneNumbers.check("024 3825 1234");
		assertThat(check.valid()).isFalse();
		assertThat(check.reason()).contains("not a mobile number").contains("fixed line");
		assertThatExceptionOfType(InvalidPhoneNumberException.class)
			.isThrownBy(() -> PhoneNumbers.normalize("024 3825 1234"))
			.satisfies((ex) -> assertThat(ex.reason()).contains("fixed line"));
	}

	@Test
	void rejectsForeignNumbersAndGarbage() {
		assertThat(PhoneNumbers.check("+1 202 555 0143").reason()).contains("not a Vietnamese number");
		assertThat(PhoneNumbers.check("").reason()).isEqualTo("phone number is empty");
		assertThat(PhoneNumbers.check(null).valid()).isFalse();
		assertThat(PhoneNumbers.check("0905 ABC 456").reason()).contains("characters other than digits");
		assertThat(PhoneNumbers.check("8.4905E+10").valid()).isFalse();
		assertThat(PhoneNumbers.check("12345").valid()).isFalse();
	}

}
