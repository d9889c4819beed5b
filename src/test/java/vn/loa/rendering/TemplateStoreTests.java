package vn.loa.rendering;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateStoreTests {

	@TempDir
	Path dir;

	@Test
	void aParseErrorNamesTheTemplateAndLine() {
		TemplateStore store = new TemplateStore(new RenderingProperties(this.dir, Map.of()));
		assertThatThrownBy(() -> store.compile("sms/announcement.txt", "Dòng một\nDòng hai {{#title}}\nkhông đóng"))
			.isInstanceOfSatisfying(TemplateProblem.class, problem -> {
				assertThat(problem.template()).isEqualTo("sms/announcement.txt");
				// the section that is never closed opens on line 2
				assertThat(problem.line()).isEqualTo(2);
			});
	}

	@Test
	void anUnknownVariableIsReportedWithItsLineWhenRendered() {
		TemplateStore store = new TemplateStore(new RenderingProperties(this.dir, Map.of()));
		TemplateStore.Compiled compiled = store.compile("portal/article.html", "<h1>{{title}}</h1>\n<p>{{tittle}}</p>");
		assertThatThrownBy(() -> store.execute(compiled, Map.of("title", "Tiêu đề")))
			.isInstanceOfSatisfying(TemplateProblem.class, problem -> {
				assertThat(problem.line()).isEqualTo(2);
				assertThat(problem.getMessage()).contains("tittle");
			});
	}

	@Test
	void escapesByTheTemplatesKind() {
		TemplateStore store = new TemplateStore(new RenderingProperties(this.dir, Map.of()));
		Map<String, Object> context = Map.of("title", "Hỏi & đáp <\"CCHC\">");
		assertThat(store.execute(store.compile("portal/a.html", "{{title}}"), context))
			.isEqualTo("Hỏi &amp; đáp &lt;&quot;CCHC&quot;&gt;");
		assertThat(store.execute(store.compile("webhook/a.json", "{\"t\":\"{{title}}\"}"), context))
			.isEqualTo("{\"t\":\"Hỏi & đáp <\\\"CCHC\\\">\"}");
		assertThat(store.execute(store.compile("sms/a.txt", "{{title}}"), context)).isEqualTo("Hỏi & đáp <\"CCHC\">");
	}

	@Test
	void anEditedFileIsReadAgainWithoutARestart() throws Exception {
		Files.createDirectories(this.dir.resolve("sms"));
		Path file = this.dir.resolve("sms/note.txt.mustache");
		Files.writeString(file, "A {{title}}");
		TemplateStore store = new TemplateStore(new RenderingProperties(this.dir, Map.of()));
		TemplateStore.Compiled first = store.get("sms", "note.txt");
		store.save("sms", "note.txt", "B {{title}}");
		TemplateStore.Compiled second = store.get("sms", "note.txt");
		assertThat(store.execute(second, Map.of("title", "x"))).isEqualTo("B x");
		assertThat(second.version()).isNotEqualTo(first.version());
	}

}
