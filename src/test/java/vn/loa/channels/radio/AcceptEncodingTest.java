package vn.loa.channels.radio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptEncodingTest {

	@ParameterizedTest(name = "[{0}] -> {1}")
	@CsvSource(delimiter = '|', nullValues = "NULL",
			value = { "NULL|false", "''|false", "gzip|true", "GZIP|true", "x-gzip|true", "deflate, gzip|true",
					"gzip, deflate, br|true", "br;q=1.0, gzip;q=0.8|true", "gzip;q=0|false", "gzip; q=0.000|false",
					"gzip;q=0.001|true", "identity|false", "deflate|false", "*|true", "*;q=0|false",
					"gzip;q=0, *|false", "br, *;q=0.1|true" })
	void gzipIsTakenWhenTheClientAcceptsIt(String header, boolean gzip) {
		assertThat(RadioFeedResponder.acceptsGzip(header)).isEqualTo(gzip);
	}

}
