package vn.loa.channels.zalo;

@ZaloTest
class H2ZaloJourneyTests extends ZaloJourney {

}
