/**
 * Organisational units: the provincial People's Committee, its departments, the
 * provincial broadcaster and newspaper, districts and communes, each with a code, a name,
 * a parent, a kind and optionally the area path that subscribers and stations use. Users,
 * radio stations, WordPress sites, Facebook Pages and publications belong to a unit (a
 * publication's is its creator's unless set); an editor sees and publishes for their own
 * unit and the units below it, an admin for all. Managed through {@code /api/v1/units},
 * the console and CSV import. Depends only on common.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Units")
package vn.loa.units;
