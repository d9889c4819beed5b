package vn.loa.common;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code LOA_HOME}: a folder whose {@code channels/*.yml} and
 * {@code templates/<channel>/*} files replace, file by file, the defaults built into the
 * jar (under {@value #BUILT_IN} on the class path). Without it the jar runs on its
 * built-in files from any directory.
 */
public final class LoaHome {

	/** Where the build puts the repository's {@code channels/} and {@code templates/}. */
	public static final String BUILT_IN = "loa-defaults/";

	private LoaHome() {
	}

	/**
	 * The folder named by {@code LOA_HOME} ({@code loa.home}), or null when none is.
	 * @throws LoaStartupException when it names something that is not a folder
	 */
	public static Path check(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Path home = Path.of(value).toAbsolutePath().normalize();
		if (!Files.isDirectory(home)) {
			throw new LoaStartupException("LOA_HOME=" + value + " does not exist or is not a folder (" + home + ").",
					"Point LOA_HOME at a folder holding the channels/ and templates/ files that replace the built-in "
							+ "ones, or unset it to run on the built-in files.");
		}
		return home;
	}

}
