package vn.loa.audience;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.loa.common.DemoProperties;

/**
 * The embedded default's radio stations for the demo areas: the provincial station of
 * Khánh Hòa (area {@code 56}) and the city station of Nha Trang ({@code 56.568}), so a
 * newcomer's radio publication reaches a station's feed rather than being skipped for
 * want of one. Tokens are not issued: an admin issues one on the station's page, which
 * shows how a station fetches its feed with it. Runs once, on an empty station table,
 * only when demo data is enabled.
 */
@Component
@Order(21)
class StationDemoData implements ApplicationRunner {

	static final String PROVINCE = "khanh-hoa";

	static final String CITY = "nha-trang";

	private static final Logger log = LoggerFactory.getLogger(StationDemoData.class);

	private final DemoProperties demo;

	private final Stations stations;

	StationDemoData(DemoProperties demo, Stations stations) {
		this.demo = demo;
		this.stations = stations;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo.enabled() || !this.stations.list().isEmpty()) {
			return;
		}
		this.stations.create(new Stations.NewStation(PROVINCE, "Đài Phát thanh và Truyền hình Khánh Hòa",
				StationLevel.PROVINCE, "56", 160));
		this.stations.create(new Stations.NewStation(CITY, "Đài Truyền thanh thành phố Nha Trang",
				StationLevel.DISTRICT, "56.568", 180));
		log.info("Loaded the sample radio stations: {} (area 56) and {} (area 56.568)", PROVINCE, CITY);
	}

}
