package vn.loa.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loa.common.LoaProperties;
import vn.loa.common.Problems;

/**
 * Images for content, stored under {@code <data-dir>/images}. The type is decided by the
 * file's first bytes, not by its name or the browser's claim.
 */
@Service
public class ContentImages {

	private final JdbcClient jdbc;

	private final Path directory;

	private final long maxBytes;

	private final Clock clock;

	ContentImages(JdbcClient jdbc, LoaProperties loa, ContentProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.directory = loa.dataDir().resolve("images");
		this.maxBytes = properties.maxImageBytes();
		this.clock = clock;
	}

	@Transactional
	public ImageRef store(long contentId, byte[] bytes, String alt, String actor) {
		if (bytes.length == 0) {
			throw Problems.invalid("file", "is empty");
		}
		if (bytes.length > this.maxBytes) {
			throw Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "image-too-large", "Image too large",
					"file: " + bytes.length + " bytes is more than the " + this.maxBytes + " allowed",
					java.util.Map.of("errors",
							List.of(java.util.Map.of("field", "file", "message", "larger than " + this.maxBytes))),
					"problem.image-too-large", String.valueOf(this.maxBytes));
		}
		ImageType type = ImageType.detect(bytes)
			.orElseThrow(() -> Problems.invalid("file", "is not a PNG, JPEG, GIF or WebP image"));
		String fileName = UUID.randomUUID() + "." + type.extension;
		try {
			Files.createDirectories(this.directory);
			Path target = this.directory.resolve(fileName);
			Path temp = Files.createTempFile(this.directory, "upload", ".part");
			Files.write(temp, bytes);
			Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String text = (alt != null) ? alt.strip() : "";
		this.jdbc
			.sql("insert into content_image (content_id, file_name, media_type, size_bytes, alt_text, uploaded_by, "
					+ "uploaded_at) values (:content, :file, :type, :size, :alt, :actor, :now)")
			.param("content", contentId)
			.param("file", fileName)
			.param("type", type.mediaType)
			.param("size", bytes.length)
			.param("alt", text)
			.param("actor", actor)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return new ImageRef(fileName, type.mediaType, text);
	}

	public Optional<Path> file(String fileName) {
		if (!fileName.matches("[0-9a-f-]{36}\\.(png|jpg|gif|webp)")) {
			return Optional.empty();
		}
		Path path = this.directory.resolve(fileName);
		return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
	}

	List<ImageRef> resolve(long contentId, List<String> fileNames) {
		return fileNames.stream()
			.map(name -> this.jdbc
				.sql("select file_name, media_type, alt_text from content_image where content_id = :id and "
						+ "file_name = :name")
				.param("id", contentId)
				.param("name", name)
				.query((rs, n) -> new ImageRef(rs.getString(1), rs.getString(2), rs.getString(3)))
				.optional()
				.orElseThrow(() -> Problems.invalid("imageFiles", name + " is not an image of this content")))
			.toList();
	}

	enum ImageType {

		PNG("image/png", "png"), JPEG("image/jpeg", "jpg"), GIF("image/gif", "gif"), WEBP("image/webp", "webp");

		final String mediaType;

		final String extension;

		ImageType(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		static Optional<ImageType> detect(byte[] b) {
			if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
				return Optional.of(PNG);
			}
			if (starts(b, 0xFF, 0xD8, 0xFF)) {
				return Optional.of(JPEG);
			}
			if (starts(b, 'G', 'I', 'F', '8')) {
				return Optional.of(GIF);
			}
			if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
					&& b[11] == 'P') {
				return Optional.of(WEBP);
			}
			return Optional.empty();
		}

		private static boolean starts(byte[] bytes, int... prefix) {
			if (bytes.length < prefix.length) {
				return false;
			}
			for (int i = 0; i < prefix.length; i++) {
				if ((bytes[i] & 0xFF) != prefix[i]) {
					return false;
				}
			}
			return true;
		}

	}

}
