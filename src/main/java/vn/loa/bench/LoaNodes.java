package vn.loa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Loa nodes as child JVMs, started the way this JVM was ({@code java -jar loa.jar} for
 * {@code bench cluster}, the test classpath for the cluster fault tests: no second
 * build), each with a log file under {@code target/cluster-nodes}. Every node started is
 * killed when the caller closes this or, failing that, when this JVM exits, so no node
 * outlives its benchmark or test. Waits are bounded.
 */
public final class LoaNodes implements AutoCloseable {

	private static final List<Process> ALL = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> ALL.forEach(Process::destroyForcibly)));
	}

	private final List<String> common;

	private final Path logs;

	private final List<Node> nodes = new ArrayList<>();

	private final java.util.Map<Long, String> names = new java.util.concurrent.ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/**
	 * @param common the arguments every node gets (profiles, database, simulator)
	 */
	public LoaNodes(List<String> common) {
		this.common = common;
		this.logs = Path.of("target", "cluster-nodes");
		try {
			Files.createDirectories(this.logs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A started node. */
	public final class Node {

		private final String name;

		private final int port;

		private final Process process;

		private final Path log;

		Node(String name, int port, Process process, Path log) {
			this.name = name;
			this.port = port;
			this.process = process;
			this.log = log;
		}

		public String name() {
			return this.name;
		}

		public int port() {
			return this.port;
		}

		public long pid() {
			return this.process.pid();
		}

		/** SIGTERM: the node hands its work on and stops (bounded wait). */
		public void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				kill();
			}
		}

		/** {@code kill -9}: no shutdown hook, no hand-off, leases left to run out. */
		public void kill() throws InterruptedException {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}

		String health() throws IOException, InterruptedException {
			return get("/actuator/health");
		}

		/** The body of a GET of {@code path} on the node. */
		public String get(String path) throws IOException, InterruptedException {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.timeout(Duration.ofSeconds(10))
				.build();
			return LoaNodes.this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		}

		boolean up() {
			try {
				return this.process.isAlive() && health().contains("\"status\":\"UP\"");
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		/** Whether its health says it is the cluster's leader. */
		public boolean leader() {
			try {
				String health = health();
				int at = health.indexOf("\"leadership\"");
				return at >= 0 && health.indexOf("\"leader\":true", at) > 0
						&& health.indexOf("\"leader\":true", at) < health.indexOf('}', at);
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		public String tail() {
			try {
				List<String> lines = Files.readAllLines(this.log);
				return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
			}
			catch (IOException ex) {
				return "(no log: " + ex + ")";
			}
		}

	}

	/**
	 * Starts a node and returns at once; {@link #awaitUp} waits for it.
	 * @param jvmOptions options of the node's JVM (e.g. a flight recording), may be empty
	 */
	public Node start(String name, List<String> jvmOptions, String... extra) throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx384m");
		command.add("-XX:+UseSerialGC");
		command.addAll(jvmOptions);
		command.addAll(launch());
		command.addAll(this.common);
		command.add("--server.port=" + port);
		command.add("--loa.cluster.node=" + name);
		command.addAll(List.of(extra));
		Path log = this.logs.resolve(name + "-" + System.currentTimeMillis() + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.directory(Files.createTempDirectory("loa-node-" + name).toFile());
		builder.environment().put("LOA_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
		Process process = builder.start();
		ALL.add(process);
		this.names.put(process.pid(), name);
		Node node = new Node(name, port, process, log);
		this.nodes.add(node);
		return node;
	}

	/** The name of the node that runs (or ran) as process {@code pid}. */
	public String nameOf(long pid) {
		return this.names.getOrDefault(pid, "pid " + pid);
	}

	public void awaitUp(Node node, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (!node.up()) {
			if (!node.process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("Node " + node.name + " did not come up (alive="
						+ node.process.isAlive() + "):\n" + node.tail());
			}
			TimeUnit.MILLISECONDS.sleep(500);
		}
	}

	@Override
	public void close() {
		for (Node node : this.nodes) {
			node.process.destroyForcibly();
			try {
				node.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			ALL.remove(node.process);
		}
	}

	/**
	 * Runs {@code rabbitmqctl} on this machine's broker (bounded wait); an answer that
	 * the thing exists already counts as done.
	 */
	public static void rabbitmqctl(String... args) {
		List<String> command = new ArrayList<>();
		command.add("rabbitmqctl");
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || (process.exitValue() != 0 && !output.contains("already"))) {
				process.destroyForcibly();
				throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A RabbitMQ virtual host of its own for the guest user, so nodes stay apart. */
	public static void virtualHost(String name) {
		rabbitmqctl("add_vhost", name);
		rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
	}

	/**
	 * How to start Loa as this JVM was started: the packaged jar, or the test classpath
	 * as surefire gives it (the test JVM itself may only see a manifest jar).
	 */
	private static List<String> launch() {
		String classpath = System.getProperty("surefire.test.class.path");
		if (classpath == null || classpath.isBlank()) {
			classpath = System.getProperty("java.class.path");
		}
		if (classpath.endsWith(".jar") && !classpath.contains(java.io.File.pathSeparator)) {
			// absolute: each node starts in a folder of its own
			return List.of("-jar", Path.of(classpath).toAbsolutePath().toString());
		}
		return List.of("-cp", classpath, "vn.loa.LoaApplication");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
