package vn.loa.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.config.ConfigDataResource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * {@code spring.config.import: loa:channels/} imports every {@code channels/*.yml}: the
 * ones built into the jar, each replaced by the file of the same name in
 * {@code LOA_HOME/channels/} when there is one, plus any further files there. A channel
 * file added to the repository is imported without touching {@code application.yml}. Each
 * file used is logged with where it came from.
 */
final class LoaHomeConfigData {

	static final String PREFIX = "loa:";

	private LoaHomeConfigData() {
	}

	static final class Resolver implements ConfigDataLocationResolver<FileResource> {

		private final Log log;

		Resolver(DeferredLogFactory logs) {
			this.log = logs.getLog(LoaHomeConfigData.class);
		}

		@Override
		public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
			return location.hasPrefix(PREFIX);
		}

		@Override
		public List<FileResource> resolve(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
			String folder = location.getNonPrefixedValue(PREFIX);
			if (!folder.endsWith("/")) {
				folder = folder + "/";
			}
			Path home = LoaHome.check(context.getBinder().bind("loa.home", String.class).orElse(null));
			Map<String, FileResource> files = new TreeMap<>();
			try {
				for (Resource builtIn : new PathMatchingResourcePatternResolver()
					.getResources("classpath*:" + LoaHome.BUILT_IN + folder + "*.yml")) {
					String name = Objects.requireNonNull(builtIn.getFilename());
					files.put(name, new FileResource(folder + name, builtIn, "built in"));
				}
				if (home != null && Files.isDirectory(home.resolve(folder))) {
					try (Stream<Path> listed = Files.list(home.resolve(folder))) {
						for (Path file : listed.filter(p -> p.getFileName().toString().endsWith(".yml")).toList()) {
							String name = file.getFileName().toString();
							files.put(name,
									new FileResource(folder + name, new FileSystemResource(file), "LOA_HOME " + file));
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			List<FileResource> result = new ArrayList<>(files.values());
			for (FileResource file : result) {
				this.log.info("Configuration " + file.name + ": " + file.origin);
			}
			return result;
		}

	}

	static final class Loader implements ConfigDataLoader<FileResource> {

		@Override
		public ConfigData load(ConfigDataLoaderContext context, FileResource resource) throws IOException {
			return new ConfigData(new YamlPropertySourceLoader().load(resource.name + " (" + resource.origin + ")",
					resource.resource));
		}

	}

	static final class FileResource extends ConfigDataResource {

		private final String name;

		private final Resource resource;

		private final String origin;

		FileResource(String name, Resource resource, String origin) {
			this.name = name;
			this.resource = resource;
			this.origin = origin;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof FileResource that && this.resource.equals(that.resource);
		}

		@Override
		public int hashCode() {
			return this.resource.hashCode();
		}

		@Override
		public String toString() {
			return this.name + " (" + this.origin + ")";
		}

	}

}
