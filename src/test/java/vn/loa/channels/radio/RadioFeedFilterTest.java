package vn.loa.channels.radio;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import vn.loa.audience.Station;
import vn.loa.audience.StationLevel;
import vn.loa.audience.Stations;
import vn.loa.channels.radio.RadioFeeds.Format;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Which requests the feed fast path answers itself and which it leaves to the rest of the
 * filter chain and the controller.
 */
class RadioFeedFilterTest {

	private static final Station STATION = new Station(7, "dien-khanh", "Đài truyền thanh huyện Diên Khánh",
			StationLevel.DISTRICT, "56.568", 150, Instant.parse("2026-11-24T00:00:00Z"));

	private final Stations stations = mock(Stations.class);

	private final RadioFeedResponder responder = mock(RadioFeedResponder.class);

	private final FilterChain chain = mock(FilterChain.class);

	private final RadioFeedFilter filter = new RadioFeedFilter(this.stations, this.responder);

	RadioFeedFilterTest() {
		when(this.stations.authenticate(anyString(), anyString())).thenReturn(Optional.empty());
		when(this.stations.authenticate("dien-khanh", "loa_st_good")).thenReturn(Optional.of(STATION));
	}

	@Test
	void answersAFeedPollWithAGoodBearerTokenItself() throws Exception {
		for (Format format : Format.values()) {
			MockHttpServletRequest request = get("/feeds/radio/dien-khanh." + format.extension);
			request.addHeader("Authorization", "Bearer loa_st_good");
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.filter.doFilter(request, response, this.chain);
			verify(this.responder).respond(STATION, format, request, response);
		}
		verifyNoInteractions(this.chain);
	}

	@Test
	void acceptsTheTokenAsAQueryParameterAndHeadRequests() throws Exception {
		MockHttpServletRequest request = get("/feeds/radio/dien-khanh.atom");
		request.setMethod("HEAD");
		request.setParameter("token", "loa_st_good");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, this.chain);
		verify(this.responder).respond(STATION, Format.ATOM, request, response);
		verifyNoInteractions(this.chain);
	}

	@Test
	void leavesAWrongOrMissingTokenToTheControllerWhichAnswers401() throws Exception {
		MockHttpServletRequest wrong = get("/feeds/radio/dien-khanh.rss");
		wrong.addHeader("Authorization", "Bearer loa_st_wrong");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(wrong, response, this.chain);
		verify(this.chain).doFilter(wrong, response);

		MockHttpServletRequest none = get("/feeds/radio/dien-khanh.rss");
		this.filter.doFilter(none, response, this.chain);
		verify(this.chain).doFilter(none, response);

		MockHttpServletRequest otherStation = get("/feeds/radio/ninh-hoa.rss");
		otherStation.addHeader("Authorization", "Bearer loa_st_good");
		this.filter.doFilter(otherStation, response, this.chain);
		verify(this.chain).doFilter(otherStation, response);
		verify(this.responder, never()).respond(any(), any(), any(), any());
	}

	@Test
	void leavesEverythingButAFeedGetToTheChain() throws Exception {
		String[] paths = { "/feeds/radio/dien-khanh/scripts/3.txt", "/feeds/radio/dien-khanh.xml",
				"/feeds/radio/dien-khanh", "/feeds/radio/.rss", "/feeds/radio/dien%2Dkhanh.rss",
				"/feeds/radio/dien-khanh.rss;jsessionid=1", "/portal/feed.rss" };
		for (String path : paths) {
			MockHttpServletRequest request = get(path);
			request.addHeader("Authorization", "Bearer loa_st_good");
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.filter.doFilter(request, response, this.chain);
			verify(this.chain).doFilter(request, response);
		}
		MockHttpServletRequest post = get("/feeds/radio/dien-khanh.rss");
		post.setMethod("POST");
		post.addHeader("Authorization", "Bearer loa_st_good");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(post, response, this.chain);
		verify(this.chain).doFilter(post, response);
		verify(this.stations, never()).authenticate(eq("dien-khanh"), anyString());
		verifyNoInteractions(this.responder);
	}

	@Test
	void findsTheStationBehindAContextPath() throws Exception {
		MockHttpServletRequest request = get("/loa/feeds/radio/dien-khanh.json");
		request.setContextPath("/loa");
		request.addHeader("Authorization", "bearer loa_st_good");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, this.chain);
		verify(this.responder).respond(STATION, Format.JSON, request, response);
	}

	private static MockHttpServletRequest get(String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setRequestURI(uri);
		return request;
	}

}
