/**
 * Publishing: a publication is one approved content version × channel targets × a time
 * (Asia/Ho_Chi_Minh). It waits for a leader's approval, then the scheduler (one node at a
 * time, through a JDBC lock) fires it when due; the dispatch flow renders it per channel,
 * splits it into one dispatch per target and routes each to its channel's flow. Firing is
 * idempotent: a publication caught mid-dispatch by a crash is fired again and the
 * delivery log's unique rows keep anything from going out twice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publishing")
package vn.loa.publishing;
