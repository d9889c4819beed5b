package vn.loa.channels;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

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

	/**
	 * Whether the provider keeps scheduled items itself (a WordPress {@code future}
	 * post): a publication approved for a later time is then dispatched to this channel
	 * at approval, with its {@code scheduledAt}, so it goes out on time even if Loa is
	 * down, and the channel follows {@link ScheduleChange}s.
	 */
	default boolean providerSchedules() {
		return false;
	}

	/** A health probe; sandbox channels are healthy when Loa is. */
	default ChannelHealth health() {
		return ChannelHealth.healthy();
	}

	/**
	 * Starts a descriptor: a channel always on, {@code live}, with its own id as the only
	 * default target and every target accepted, until told otherwise.
	 * @param id the channel id, also the template folder and flow input prefix
	 * @param label a short Vietnamese name for the console
	 */
	static Builder builder(String id, String label) {
		return new Builder(id, label);
	}

	/** Builds a {@link ChannelDescriptor} from a channel's properties. */
	final class Builder {

		private final String id;

		private final String label;

		private boolean enabled = true;

		private String mode = "live";

		private String template;

		private List<String> defaultTargets;

		private Function<String, Optional<String>> rejectTarget = (target) -> Optional.empty();

		private Supplier<ChannelHealth> health = ChannelHealth::healthy;

		private boolean providerSchedules;

		private Builder(String id, String label) {
			this.id = Objects.requireNonNull(id);
			this.label = Objects.requireNonNull(label);
			this.defaultTargets = List.of(id);
		}

		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		public Builder mode(String mode) {
			this.mode = mode;
			return this;
		}

		public Builder template(String template) {
			this.template = template;
			return this;
		}

		public Builder defaultTargets(List<String> defaultTargets) {
			this.defaultTargets = List.copyOf(defaultTargets);
			return this;
		}

		/** Why a target cannot be used (empty when it can), asked at each publication. */
		public Builder rejectTarget(Function<String, Optional<String>> rejectTarget) {
			this.rejectTarget = rejectTarget;
			return this;
		}

		/** The health probe, asked at each health check. */
		public Builder health(Supplier<ChannelHealth> health) {
			this.health = health;
			return this;
		}

		/** See {@link ChannelDescriptor#providerSchedules()}. */
		public Builder providerSchedules(boolean providerSchedules) {
			this.providerSchedules = providerSchedules;
			return this;
		}

		public ChannelDescriptor build() {
			return new Described(this.id, this.label, this.enabled, this.mode, Objects.requireNonNull(this.template),
					this.defaultTargets, this.rejectTarget, this.health, this.providerSchedules);
		}

	}

	/** What {@link Builder} builds. */
	record Described(String id, String label, boolean enabled, String mode, String template,
			List<String> defaultTargets, Function<String, Optional<String>> rejecter, Supplier<ChannelHealth> prober,
			boolean providerSchedules) implements ChannelDescriptor {

		@Override
		public Optional<String> rejectTarget(String target) {
			return this.rejecter.apply(target);
		}

		@Override
		public ChannelHealth health() {
			return this.prober.get();
		}

	}

	/**
	 * A channel's health as the channel itself knows it.
	 *
	 * @param up whether the channel can send (a channel waiting for its quota is up)
	 * @param detail what is wrong or waiting, for the health endpoint and the console
	 * @param state what kind of state it is, so the console need not read {@code detail}
	 * @param action the console page where an admin clears the state, or null when none
	 * does (the state ends by itself, or needs the configuration changed)
	 */
	record ChannelHealth(boolean up, String detail, State state, String action) {

		/** A health that is plainly up (OK) or down (DOWN), with no action. */
		public ChannelHealth(boolean up, String detail) {
			this(up, detail, up ? State.OK : State.DOWN, null);
		}

		public static ChannelHealth healthy() {
			return new ChannelHealth(true, "ok");
		}

		public static ChannelHealth unhealthy(String detail) {
			return new ChannelHealth(false, detail);
		}

		public static ChannelHealth disabled() {
			return new ChannelHealth(true, "disabled", State.DISABLED, null);
		}

		/** The provider refused the channel's authorisation; an admin connects again. */
		public static ChannelHealth needsReauthorisation(String detail, String action) {
			return new ChannelHealth(false, detail, State.NEEDS_REAUTHORISATION, action);
		}

		/** Part of the channel is paused until an admin gives it what it lacks. */
		public static ChannelHealth paused(String detail, String action) {
			return new ChannelHealth(false, detail, State.PAUSED, action);
		}

		/**
		 * The provider's quota is spent: the channel is up and its jobs wait until it
		 * renews; {@code action} shows what waits.
		 */
		public static ChannelHealth quotaWait(String detail, String action) {
			return new ChannelHealth(true, detail, State.QUOTA_WAIT, action);
		}

		/**
		 * The channel has not been connected to its provider account yet: nothing is
		 * broken and nothing fails, its work waits until an admin connects it.
		 */
		public static ChannelHealth notConnected(String detail, String action) {
			return new ChannelHealth(true, detail, State.NOT_CONNECTED, action);
		}

		public static ChannelHealth templateMissing(String detail, String action) {
			return new ChannelHealth(false, detail, State.TEMPLATE_MISSING, action);
		}

		/** The kinds of channel state the console names, each with its own words. */
		public enum State {

			OK, DISABLED, DOWN, NOT_CONNECTED, NEEDS_REAUTHORISATION, PAUSED, QUOTA_WAIT, TEMPLATE_MISSING

		}

	}

}
