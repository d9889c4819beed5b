package vn.loa.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outside programs a benchmark drives (Debian packages), looked for before anything
 * is measured, so that a missing one is said plainly with the command that installs it
 * instead of surfacing as an I/O error half-way through.
 */
final class BenchTools {

	private BenchTools() {
	}

	/** A program and the Debian package that installs it. */
	record Tool(String program, String debianPackage) {
	}

	static final Tool WRK = new Tool("wrk", "wrk");

	static final Tool NGINX = new Tool("nginx", "nginx-light");

	/**
	 * @throws MissingTool naming every missing tool and the apt-get command that installs
	 * them all
	 */
	static void require(String benchmark, Tool... tools) {
		List<String> missing = new ArrayList<>();
		List<String> packages = new ArrayList<>();
		for (Tool tool : tools) {
			if (find(tool.program()).isEmpty()) {
				missing.add(tool.program());
				packages.add(tool.debianPackage());
			}
		}
		if (!missing.isEmpty()) {
			throw new MissingTool("bench " + benchmark + " needs " + String.join(" and ", missing) + ", which "
					+ ((missing.size() == 1) ? "is" : "are") + " not installed: sudo apt-get install -y "
					+ String.join(" ", packages));
		}
	}

	/**
	 * A benchmark cannot run on this machine as it is; the message says what to install.
	 */
	static final class MissingTool extends IllegalStateException {

		MissingTool(String message) {
			super(message);
		}

	}

	/** The program on the PATH, or in the sbin folders a non-root PATH lacks. */
	static Optional<Path> find(String program) {
		List<String> folders = new ArrayList<>();
		String path = System.getenv("PATH");
		if (path != null) {
			folders.addAll(List.of(path.split(File.pathSeparator)));
		}
		folders.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/sbin"));
		for (String folder : folders) {
			if (!folder.isEmpty()) {
				Path candidate = Path.of(folder, program);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

}
