/**
 * The delivery log: one row per (publication, channel, target or recipient), the source
 * of truth for what was sent to whom. Each row is a small state machine (PENDING →
 * SENDING → SENT → DELIVERED, or TEMPORARY_FAILURE / PERMANENT_FAILURE /
 * TECHNICAL_FAILURE; radio adds PULLED and AIRED) that never moves backwards, with the
 * provider, its reference and its own error code and message, and the template version
 * pinned on the row.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery log")
package vn.loa.deliverylog;
