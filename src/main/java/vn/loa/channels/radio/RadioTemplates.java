package vn.loa.channels.radio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * The radio channel's Mustache templates under {@code templates/radio/}, editable without
 * a rebuild: a template is compiled again when its file changes.
 */
final class RadioTemplates {

	private final Path directory;

	private final Mustache.Compiler compiler = Mustache.compiler().defaultValue("");

	private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

	RadioTemplates(Path directory) {
		this.directory = directory;
	}

	String item(Map<String, Object> model) {
		return render("item.mustache", model);
	}

	String programIntro(Map<String, Object> model) {
		return render("program-intro.mustache", model);
	}

	String programOutro(Map<String, Object> model) {
		return render("program-outro.mustache", model);
	}

	/** A short version stamp of a template, pinned on delivery rows. */
	String version(String name) {
		Path file = this.directory.resolve(name);
		try {
			return name + "@" + Files.getLastModifiedTime(file).toMillis();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String render(String name, Map<String, Object> model) {
		Path file = this.directory.resolve(name);
		try {
			FileTime modified = Files.getLastModifiedTime(file);
			Compiled compiled = this.cache.get(name);
			if (compiled == null || !compiled.modified.equals(modified)) {
				compiled = new Compiled(modified,
						this.compiler.compile(Files.readString(file, StandardCharsets.UTF_8)));
				this.cache.put(name, compiled);
			}
			return compiled.template.execute(model);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Radio template " + file + " cannot be read", ex);
		}
	}

	private record Compiled(FileTime modified, Template template) {
	}

}
