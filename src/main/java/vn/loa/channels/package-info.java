/**
 * Channels: the channel API (a descriptor per channel, the dispatch a channel flow
 * receives, the failure advice every channel endpoint carries) and one sub-package per
 * channel with its properties record, client, message handler, IntegrationFlow
 * ({@code <channel>.input}), webhook and sandbox simulator. Channel flows report outcomes
 * to the delivery log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package vn.loa.channels;
