package vn.loa.channels;

import java.util.List;
import java.util.Optional;

/**
 * What publishing and the console need to know of a channel, from its
 * {@code channels/<channel>.yml}. Each channel registers one as a bean; the channel's
 * flow input is {@code <id>.input}.
 */
public interface ChannelDescriptor {

	String id();

	/** A short Vietnamese name for the console. */
	String label();

	boolean enabled();

	/** {@code live} or {@code sandbox}. */
	String mode();

	/** The template the channel renders with, under {@code templates/<id>/}. */
	String template();

	/** Targets a publication gets when it names the channel without targets. */
	List<String> defaultTargets();

	/** Why a target cannot be used, or empty when it can. */
	default Optional<String> rejectTarget(String target) {
		return Optional.empty();
	}

	/** A health probe; sandbox channels are healthy when Loa is. */
	default ChannelHealth health() {
		return ChannelHealth.healthy();
	}

	record ChannelHealth(boolean up, String detail) {

		public static ChannelHealth healthy() {
			return new ChannelHealth(true, "ok");
		}

		public static ChannelHealth unhealthy(String detail) {
			return new ChannelHealth(false, detail);
		}

	}

}
