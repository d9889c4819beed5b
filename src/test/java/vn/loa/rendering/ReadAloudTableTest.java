package vn.loa.rendering;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every number form in the provincial plans, read as an announcer would: dates with and
 * without a year, date and time ranges, money, percentages, document numbers and phone
 * numbers in the spellings officers use, next to brackets and punctuation.
 */
class ReadAloudTableTest {

	private final RadioScriptWriter writer = new RadioScriptWriter(Path.of("templates/radio/abbreviations.tsv"), 180);

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/radio/read-aloud.tsv", delimiter = '\t', quoteCharacter = '\0')
	void readsAsAnAnnouncerWould(String written, String said) {
		assertThat(this.writer.write(written).text()).isEqualTo(said);
	}

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/radio/read-aloud.tsv", delimiter = '\t', quoteCharacter = '\0')
	void leavesNoDigitAndNoUnmatchedBracket(String written, String said) {
		String script = this.writer.write(written).text();
		assertThat(script).doesNotContainPattern("\\d");
		assertThat(script.chars().filter(c -> c == '(').count())
			.isEqualTo(script.chars().filter(c -> c == ')').count());
	}

}
