/**
 * The bulk-job machinery every bulk channel shares (SMS broadcasts, ZNS, Zalo follower
 * messages): one durable job per publication, channel and target, streamed in keyset
 * batches from the channel's recipient source (a segment's subscribers, the OA's
 * followers); per batch the rows are written in bulk through the delivery log, taken,
 * sent by the channel, recorded and the cursor advanced; a lease lets one node run a job
 * and hand it on, cleanly when it stops (in-flight batch recorded, unsent rows given
 * back, lease released) or by expiry when it dies (rows left SENDING become "unknown
 * outcome", never re-sent); pacing per sender; retries of answers the provider documents
 * as safe to retry.
 */
@org.springframework.modulith.NamedInterface("bulk")
package vn.loa.channels.bulk;
