package vn.loa.common;

import java.time.Clock;
import java.time.ZoneId;

/** Loa's times are Asia/Ho_Chi_Minh; storage is UTC instants. */
public final class LoaClock {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private LoaClock() {
	}

	public static Clock system() {
		return Clock.system(ZONE);
	}

}
