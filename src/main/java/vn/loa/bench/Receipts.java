package vn.loa.bench;

import java.util.BitSet;

/**
 * Which synthetic numbers ({@code prefix0000000…}) a simulator took, and how often one
 * came twice: losses and duplicates counted where the messages arrive, not assumed.
 */
public final class Receipts {

	private final String prefix;

	private final BitSet seen;

	private long total;

	private long duplicates;

	public Receipts(String prefix, int size) {
		this.prefix = prefix;
		this.seen = new BitSet(size);
	}

	public synchronized void add(String phone) {
		if (!phone.startsWith(this.prefix)) {
			return;
		}
		this.total++;
		int index = Integer.parseInt(phone.substring(this.prefix.length()));
		if (this.seen.get(index)) {
			this.duplicates++;
		}
		this.seen.set(index);
	}

	/** Whether the number got at least one message. */
	public synchronized boolean got(String phone) {
		return phone.startsWith(this.prefix) && this.seen.get(Integer.parseInt(phone.substring(this.prefix.length())));
	}

	public synchronized long total() {
		return this.total;
	}

	public synchronized long distinct() {
		return this.seen.cardinality();
	}

	public synchronized long duplicates() {
		return this.duplicates;
	}

}
