package vn.loa.channels;

@WebChannelsTest
class H2WebChannelsJourneyTests extends WebChannelsJourney {

}
