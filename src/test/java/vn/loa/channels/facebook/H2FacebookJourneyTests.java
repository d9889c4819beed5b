package vn.loa.channels.facebook;

@FacebookTest
class H2FacebookJourneyTests extends FacebookJourney {

}
