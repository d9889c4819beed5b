package vn.loa.common;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares.
 *
 * @param dataDir where Loa keeps files (the embedded database, uploaded images)
 * @param publicBaseUrl the address citizens and providers reach Loa at, used for links
 * and webhook callback URLs
 * @param home {@code LOA_HOME}: the folder whose {@code channels/} and {@code templates/}
 * files replace the built-in ones, or null
 */
@ConfigurationProperties("loa")
public record LoaProperties(@DefaultValue("./data") Path dataDir,
		@DefaultValue("http://localhost:8080") String publicBaseUrl, String home) {

	@ConstructorBinding
	public LoaProperties {
	}

	public LoaProperties(Path dataDir, String publicBaseUrl) {
		this(dataDir, publicBaseUrl, null);
	}

	/** The {@code LOA_HOME} folder, or null when Loa runs on its built-in files. */
	public Path homeDir() {
		return LoaHome.check(this.home);
	}

	public String publicUrl(String path) {
		String base = this.publicBaseUrl.endsWith("/")
				? this.publicBaseUrl.substring(0, this.publicBaseUrl.length() - 1) : this.publicBaseUrl;
		return base + path;
	}

}
