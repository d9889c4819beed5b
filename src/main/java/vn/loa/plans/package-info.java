/**
 * Communication plans: a plan (issuing document, year, units) assigns tasks to units with
 * a quota, a cadence and what counts (a channel or kind of channel, a topic, items
 * published or minutes aired). Progress is read from daily counts per (unit, channel,
 * topic) that the counter keeps up to date as delivery rows change state and stations
 * report airings, plus manual entries for what Loa does not send; reports for a month,
 * quarter, half, nine months or year come as PDF, Excel and CSV. Uses the delivery log,
 * content and units.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans")
package vn.loa.plans;
