package vn.loa.audience;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/** Saved segments: named area and topic filters officers publish to. */
@Service
public class Segments {

	private static final RowMapper<Segment> SEGMENT = (rs, n) -> new Segment(rs.getLong("id"), rs.getString("name"),
			prefixes(rs.getString("area_prefixes")), rs.getString("topic"));

	private final JdbcTemplate jdbc;

	Segments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Segment> list() {
		return this.jdbc.query("select * from subscriber_segment order by name", SEGMENT);
	}

	public Optional<Segment> find(long id) {
		return this.jdbc.query("select * from subscriber_segment where id = ?", SEGMENT, id).stream().findFirst();
	}

	public Optional<Segment> findByName(String name) {
		return this.jdbc.query("select * from subscriber_segment where name = ?", SEGMENT, name.strip())
			.stream()
			.findFirst();
	}

	/**
	 * Saves a segment; prefixes and topic are canonicalised as in {@link SegmentSpec}.
	 * @throws IllegalArgumentException for a blank or too long name or a malformed area
	 * @throws DuplicateSegmentException when the name is taken
	 */
	public Segment create(String name, List<String> areaPrefixes, String topic) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new IllegalArgumentException("name must be 1 to 100 characters");
		}
		SegmentSpec spec = new SegmentSpec(areaPrefixes, topic);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		try {
			this.jdbc.update((connection) -> {
				var ps = connection.prepareStatement(
						"insert into subscriber_segment (name, area_prefixes, topic) values (?, ?, ?)",
						new String[] { "id" });
				ps.setString(1, name.strip());
				ps.setString(2, String.join(",", spec.areaPrefixes()));
				ps.setString(3, spec.topic());
				return ps;
			}, key);
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateSegmentException(name.strip());
		}
		return new Segment(key.getKey().longValue(), name.strip(), spec.areaPrefixes(), spec.topic());
	}

	/**
	 * @return whether a segment was deleted
	 */
	public boolean delete(long id) {
		return this.jdbc.update("delete from subscriber_segment where id = ?", id) == 1;
	}

	private static List<String> prefixes(String stored) {
		return (stored == null || stored.isEmpty()) ? List.of() : Arrays.asList(stored.split(","));
	}

}
