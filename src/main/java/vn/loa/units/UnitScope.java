package vn.loa.units;

import java.util.Set;

/**
 * The units an officer may see and publish for: every unit for an admin (and for anyone
 * while no units are defined, so a fresh install works as before), otherwise the
 * officer's own unit and the units below it. An officer who belongs to no unit while
 * units exist sees only what belongs to no unit.
 *
 * @param all whether every unit is in scope
 * @param unitIds the unit ids in scope when not {@code all}
 */
public record UnitScope(boolean all, Set<Long> unitIds) {

	public static final UnitScope ALL = new UnitScope(true, Set.of());

	public UnitScope {
		unitIds = Set.copyOf(unitIds);
	}

	/** Whether a thing of this unit (null: of no unit) is in scope. */
	public boolean includes(Long unitId) {
		return this.all || unitId == null || this.unitIds.contains(unitId);
	}

}
