package vn.loa.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away nginx (Debian package) serving one file on a loopback port, the yardstick
 * the feed benchmark compares Loa with. Everything it needs lives in a temporary
 * directory that is removed on close.
 */
final class StaticNginx implements AutoCloseable {

	private final Path dir;

	private final int port;

	private final Process process;

	private StaticNginx(Path dir, int port, Process process) {
		this.dir = dir;
		this.port = port;
		this.process = process;
	}

	static StaticNginx serve(String fileName, byte[] body, String contentType, int workers)
			throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("loa-nginx-");
		Path root = Files.createDirectories(dir.resolve("root"));
		Files.write(root.resolve(fileName), body);
		// nginx workers run as an unprivileged user: they must be able to read the file.
		java.util.Set<java.nio.file.attribute.PosixFilePermission> open = java.nio.file.attribute.PosixFilePermissions
			.fromString("rwxr-xr-x");
		Files.setPosixFilePermissions(dir, open);
		Files.setPosixFilePermissions(root, open);
		Files.setPosixFilePermissions(root.resolve(fileName),
				java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
		int port = freePort();
		String config = """
				daemon off;
				worker_processes %d;
				pid %s/nginx.pid;
				error_log %s/error.log warn;
				events { worker_connections 1024; }
				http {
				  access_log off;
				  client_body_temp_path %s/tmp;
				  proxy_temp_path %s/tmp;
				  fastcgi_temp_path %s/tmp;
				  uwsgi_temp_path %s/tmp;
				  scgi_temp_path %s/tmp;
				  keepalive_requests 1000000;
				  types { %s %s; }
				  server {
				    listen 127.0.0.1:%d;
				    root %s;
				  }
				}
				""".formatted(workers, dir, dir, dir, dir, dir, dir, dir, contentType,
				fileName.substring(fileName.lastIndexOf('.') + 1), port, root);
		Files.createDirectories(dir.resolve("tmp"));
		Path conf = dir.resolve("nginx.conf");
		Files.writeString(conf, config, StandardCharsets.UTF_8);
		Process process = new ProcessBuilder(nginxBinary(), "-c", conf.toString(), "-p", dir.toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("stdout.log").toFile())
			.start();
		StaticNginx nginx = new StaticNginx(dir, port, process);
		nginx.awaitListening();
		return nginx;
	}

	String url(String fileName) {
		return "http://127.0.0.1:" + this.port + "/" + fileName;
	}

	private void awaitListening() throws IOException, InterruptedException {
		for (int attempt = 0; attempt < 100; attempt++) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"nginx did not start: " + Files.readString(this.dir.resolve("stdout.log")));
			}
			try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
				return;
			}
			catch (IOException ex) {
				// Not listening yet: nginx is still reading its configuration.
				this.process.waitFor(50, TimeUnit.MILLISECONDS);
			}
		}
		throw new IllegalStateException("nginx did not listen on port " + this.port);
	}

	private static String nginxBinary() {
		return BenchTools.find("nginx")
			.map(Path::toString)
			.orElseThrow(
					() -> new IllegalStateException("nginx is not installed: sudo apt-get install -y nginx-light"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

}
