package vn.loa.rendering;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.MustacheParseException;
import com.samskivert.mustache.Template;

import org.springframework.stereotype.Service;

import vn.loa.common.Problems;

/**
 * The channel templates on disk, {@code
 *
<dir>
 * /<channel>/<name>.mustache}. A template is read again when its file changes, so an
 * admin's edit takes effect without a restart. The escaping follows the name:
 * {@code .html} escapes HTML, {@code .json} escapes JSON strings, anything else is plain
 * text.
 */
@Service
public class TemplateStore {

	private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z]+)?");

	private static final Pattern PARSE_LINE = Pattern.compile("@ line (\\d+)");

	private final Path dir;

	private final Map<Path, Compiled> cache = new ConcurrentHashMap<>();

	TemplateStore(RenderingProperties properties) {
		this.dir = properties.dir();
	}

	public record TemplateInfo(String channel, String name, String version) {
	}

	public record Compiled(String id, String version, Template template, FileTime modified) {
	}

	public List<TemplateInfo> list() {
		if (!Files.isDirectory(this.dir)) {
			return List.of();
		}
		List<TemplateInfo> result = new ArrayList<>();
		try (Stream<Path> files = Files.walk(this.dir, 2)) {
			files.filter(p -> p.getFileName().toString().endsWith(".mustache")).sorted().forEach(p -> {
				String channel = this.dir.relativize(p).getName(0).toString();
				String name = p.getFileName().toString().replaceFirst("\\.mustache$", "");
				result.add(new TemplateInfo(channel, name, version(read(p))));
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return result;
	}

	public String source(String channel, String name) {
		Path path = path(channel, name);
		if (!Files.isRegularFile(path)) {
			throw Problems.notFound("Template", channel + "/" + name);
		}
		return read(path);
	}

	/** Compiles the template as it is on disk now. */
	public Compiled get(String channel, String name) {
		Path path = path(channel, name);
		if (!Files.isRegularFile(path)) {
			throw Problems.notFound("Template", channel + "/" + name);
		}
		FileTime modified;
		try {
			modified = Files.getLastModifiedTime(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Compiled cached = this.cache.get(path);
		if (cached != null && cached.modified().equals(modified)) {
			return cached;
		}
		Compiled compiled = compile(channel + "/" + name, read(path), modified);
		this.cache.put(path, compiled);
		return compiled;
	}

	/** Compiles a candidate source without saving it; throws {@link TemplateProblem}. */
	public Compiled compile(String id, String source) {
		return compile(id, source, FileTime.fromMillis(0));
	}

	/** Writes a template after it compiled; the caller renders a sample first. */
	public void save(String channel, String name, String source) {
		Path path = path(channel, name);
		try {
			Files.createDirectories(path.getParent());
			Path temp = Files.createTempFile(path.getParent(), name, ".tmp");
			Files.writeString(temp, source, StandardCharsets.UTF_8);
			Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.cache.remove(path);
	}

	public String execute(Compiled compiled, Object context) {
		try {
			return compiled.template().execute(context);
		}
		catch (MustacheException.Context ex) {
			throw new TemplateProblem(compiled.id(), ex.lineNo, "unknown variable '" + ex.key + "'", ex);
		}
		catch (MustacheException ex) {
			throw new TemplateProblem(compiled.id(), line(ex), ex.getMessage(), ex);
		}
	}

	private Compiled compile(String id, String source, FileTime modified) {
		try {
			Template template = compiler(id).compile(new StringReader(source));
			return new Compiled(id, version(source), template, modified);
		}
		catch (MustacheParseException ex) {
			throw new TemplateProblem(id, line(ex), ex.getMessage().replaceAll("\\s*@ line \\d+", ""), ex);
		}
	}

	private static Mustache.Compiler compiler(String id) {
		// an empty string hides a section, as "{{#var.hotline}}…{{/var.hotline}}" means
		Mustache.Compiler compiler = Mustache.compiler().nullValue("").emptyStringIsFalse(true);
		if (id.endsWith(".html")) {
			return compiler.escapeHTML(true);
		}
		// A YAML double-quoted scalar escapes as a JSON string does (ZNS mappings).
		if (id.endsWith(".json") || id.endsWith(".yml")) {
			return compiler.withEscaper(TemplateStore::escapeJson);
		}
		return compiler.escapeHTML(false);
	}

	/**
	 * JSON string escaping that keeps Vietnamese letters readable (UTF-8, not \\u
	 * escapes).
	 */
	static String escapeJson(String raw) {
		StringBuilder out = new StringBuilder(raw.length() + 16);
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static int line(MustacheException ex) {
		Matcher m = PARSE_LINE.matcher(String.valueOf(ex.getMessage()));
		return m.find() ? Integer.parseInt(m.group(1)) : 0;
	}

	private Path path(String channel, String name) {
		if (!SEGMENT.matcher(channel).matches()) {
			throw Problems.invalid("channel", "is not a channel name");
		}
		if (!NAME.matcher(name).matches()) {
			throw Problems.invalid("name", "must be letters, digits, '-' or '_' with an optional extension");
		}
		return this.dir.resolve(channel).resolve(name + ".mustache");
	}

	private static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String version(String source) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
