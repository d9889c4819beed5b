package vn.loa.units;

/**
 * An organisational unit.
 *
 * @param id database id
 * @param code short stable code, e.g. {@code snv-kh} (lower-case letters, digits, dashes)
 * @param name full Vietnamese name, e.g. "Sở Nội vụ tỉnh Khánh Hòa"
 * @param parent the parent unit's code, or {@code null} at the top
 * @param kind what it is
 * @param areaPath the area it serves as subscribers and stations write it (e.g.
 * {@code 56.568}), or {@code null}
 */
public record Unit(long id, String code, String name, String parent, UnitKind kind, String areaPath) {
}
