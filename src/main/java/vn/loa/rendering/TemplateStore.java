package vn.loa.rendering;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.MustacheParseException;
import com.samskivert.mustache.Template;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

import vn.loa.common.LoaHome;
import vn.loa.common.LoaProperties;
import vn.loa.common.Problems;

/**
 * The channel templates, {@code <channel>/<name>.mustache}: the ones built into the jar
 * (the repository's {@code templates/} folder), each replaced by the file of the same
 * name in the override folder when there is one. The override folder is
 * {@code LOA_HOME/templates} when LOA_HOME is set, else {@code templates} in the data
 * dir; an admin's edit is saved there. A file there is read again when it changes, so an
 * edit takes effect without a restart. The escaping follows the name: {@code .html}
 * escapes HTML, {@code .json} escapes JSON strings, anything else is plain text.
 */
@Service
public class TemplateStore {

	private static final Logger log = LoggerFactory.getLogger(TemplateStore.class);

	static final String BUILT_IN = LoaHome.BUILT_IN + "templates/";

	private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z]+)?");

	private static final Pattern PARSE_LINE = Pattern.compile("@ line (\\d+)");

	/** The stamp of a built-in template, which never changes while Loa runs. */
	private static final FileTime BUILT_IN_STAMP = FileTime.fromMillis(Long.MIN_VALUE);

	private final Path dir;

	private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

	private final Map<String, Optional<String>> builtIn = new ConcurrentHashMap<>();

	@Autowired
	TemplateStore(RenderingProperties properties, LoaProperties loa) {
		this(overrideDir(properties, loa));
		List<String> overridden = new ArrayList<>();
		for (TemplateInfo info : list()) {
			if (Files.isRegularFile(path(info.channel(), info.name()))) {
				overridden.add(info.channel() + "/" + info.name());
			}
		}
		log.info("Templates: {} built in; {} replaced by files in {} (where edits are saved): {}", builtInIds().size(),
				overridden.size(), this.dir, overridden);
	}

	TemplateStore(RenderingProperties properties) {
		this(properties.dir());
	}

	private TemplateStore(Path dir) {
		this.dir = dir.toAbsolutePath().normalize();
	}

	private static Path overrideDir(RenderingProperties properties, LoaProperties loa) {
		if (properties.dir() != null) {
			return properties.dir();
		}
		Path home = loa.homeDir();
		return (home != null) ? home.resolve("templates") : loa.dataDir().resolve("templates");
	}

	/** Where files that replace built-in templates live and edits are saved. */
	public Path overrideDir() {
		return this.dir;
	}

	public record TemplateInfo(String channel, String name, String version) {
	}

	public record Compiled(String id, String version, Template template, FileTime modified) {
	}

	public List<TemplateInfo> list() {
		java.util.SortedSet<String> ids = new java.util.TreeSet<>(builtInIds());
		if (Files.isDirectory(this.dir)) {
			try (Stream<Path> files = Files.walk(this.dir, 2)) {
				files.filter(p -> p.getFileName().toString().endsWith(".mustache"))
					.filter(p -> this.dir.relativize(p).getNameCount() == 2)
					.forEach(p -> ids.add(this.dir.relativize(p).getName(0) + "/"
							+ p.getFileName().toString().replaceFirst("\\.mustache$", "")));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		List<TemplateInfo> result = new ArrayList<>();
		for (String id : ids) {
			int slash = id.indexOf('/');
			String channel = id.substring(0, slash);
			String name = id.substring(slash + 1);
			if (SEGMENT.matcher(channel).matches() && NAME.matcher(name).matches()) {
				result.add(new TemplateInfo(channel, name, version(source(channel, name))));
			}
		}
		return result;
	}

	/** Whether the template exists, built in or as a file in the override folder. */
	public boolean exists(String channel, String name) {
		return Files.isRegularFile(path(channel, name)) || builtIn(channel, name).isPresent();
	}

	/** Where the template comes from, for logs and health: the file, or "built in". */
	public String origin(String channel, String name) {
		Path path = path(channel, name);
		if (Files.isRegularFile(path)) {
			return path.toString();
		}
		return builtIn(channel, name).isPresent() ? "built in" : "missing";
	}

	public String source(String channel, String name) {
		Path path = path(channel, name);
		if (Files.isRegularFile(path)) {
			return read(path);
		}
		return builtIn(channel, name).orElseThrow(() -> Problems.notFound("Template", channel + "/" + name));
	}

	/** Compiles the template as it is now. */
	public Compiled get(String channel, String name) {
		Path path = path(channel, name);
		String id = channel + "/" + name;
		FileTime modified;
		String source;
		try {
			modified = Files.getLastModifiedTime(path);
			source = null;
		}
		catch (java.nio.file.NoSuchFileException ex) {
			modified = BUILT_IN_STAMP;
			source = builtIn(channel, name).orElseThrow(() -> Problems.notFound("Template", id));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Compiled cached = this.cache.get(id);
		if (cached != null && cached.modified().equals(modified)) {
			return cached;
		}
		Compiled compiled = compile(id, (source != null) ? source : read(path), modified);
		this.cache.put(id, compiled);
		return compiled;
	}

	private Optional<String> builtIn(String channel, String name) {
		return this.builtIn.computeIfAbsent(channel + "/" + name, (id) -> {
			ClassPathResource resource = new ClassPathResource(BUILT_IN + id + ".mustache");
			if (!resource.exists()) {
				return Optional.empty();
			}
			try (InputStream in = resource.getInputStream()) {
				return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** {@code channel/name} of every built-in template. */
	private static java.util.Set<String> builtInIds() {
		java.util.Set<String> ids = new java.util.TreeSet<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + BUILT_IN + "*/*.mustache")) {
				String url = resource.getURL().toString();
				String id = url.substring(url.lastIndexOf(BUILT_IN) + BUILT_IN.length())
					.replaceFirst("\\.mustache$", "");
				if (id.indexOf('/') > 0) {
					ids.add(id);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ids;
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
			throw new UncheckedIOException("Cannot save the template in " + this.dir, ex);
		}
		this.cache.remove(channel + "/" + name);
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
