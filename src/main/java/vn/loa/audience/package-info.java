/**
 * Audience: SMS subscribers (Vietnamese mobile numbers in E.164, area paths, topics,
 * consent and opt-out), CSV import with a per-row report, saved segments by area and
 * topic, the keywords citizens reply with, and the keyset-paginated recipient batches a
 * broadcast streams. It depends on no other module but the shared kernel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audience")
package vn.loa.audience;
