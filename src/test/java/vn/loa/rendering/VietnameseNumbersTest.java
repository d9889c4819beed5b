package vn.loa.rendering;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseNumbersTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0          | không
			5          | năm
			10         | mười
			11         | mười một
			14         | mười bốn
			15         | mười lăm
			20         | hai mươi
			21         | hai mươi mốt
			24         | hai mươi tư
			25         | hai mươi lăm
			30         | ba mươi
			81         | tám mươi mốt
			100        | một trăm
			101        | một trăm linh một
			104        | một trăm linh bốn
			105        | một trăm linh năm
			110        | một trăm mười
			115        | một trăm mười lăm
			121        | một trăm hai mươi mốt
			1000       | một nghìn
			1005       | một nghìn không trăm linh năm
			1200       | một nghìn hai trăm
			2015       | hai nghìn không trăm mười lăm
			2021       | hai nghìn không trăm hai mươi mốt
			2025       | hai nghìn không trăm hai mươi lăm
			3595       | ba nghìn năm trăm chín mươi lăm
			10000      | mười nghìn
			15000      | mười lăm nghìn
			1000000    | một triệu
			1000050    | một triệu không trăm năm mươi
			2500000    | hai triệu năm trăm nghìn
			1000000000 | một tỷ
			1500000000000 | một nghìn năm trăm tỷ
			""")
	void readsWholeNumbers(long number, String words) {
		assertThat(VietnameseNumbers.words(number)).isEqualTo(words);
	}

	@ParameterizedTest(name = "{0},{1} → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			81 | 5  | tám mươi mốt phẩy năm
			0  | 05 | không phẩy không năm
			12 | 25 | mười hai phẩy hai mươi lăm
			""")
	void readsDecimals(String integer, String fraction, String words) {
		assertThat(VietnameseNumbers.decimal(integer, fraction)).isEqualTo(words);
	}

	@ParameterizedTest(name = "tháng {0} → {1}")
	@CsvSource({ "1, một", "3, ba", "4, tư", "11, mười một", "12, mười hai" })
	void readsMonths(int month, String words) {
		assertThat(VietnameseNumbers.month(month)).isEqualTo(words);
	}

}
