package vn.loa.audience;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.loa.common.DemoProperties;

/**
 * The embedded default's sample SMS audience in Khánh Hòa (province 56), imported through
 * the same CSV path officers use, plus two segments to publish to. Runs once, on an empty
 * subscriber table, only when demo data is enabled.
 */
@Component
@Order(20)
class SubscriberDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SubscriberDemoData.class);

	private final DemoProperties demo;

	private final Subscribers subscribers;

	private final Segments segments;

	SubscriberDemoData(DemoProperties demo, Subscribers subscribers, Segments segments) {
		this.demo = demo;
		this.subscribers = subscribers;
		this.segments = segments;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo.enabled() || this.subscribers.count(SegmentSpec.all()).total() > 0) {
			return;
		}
		SubscriberImportReport report;
		try (InputStream csv = new ClassPathResource("demo/subscribers.csv").getInputStream()) {
			report = this.subscribers.importCsv(csv, "demo");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (this.segments.list().isEmpty()) {
			this.segments.create("Khánh Hòa – Cải cách hành chính", List.of("56"), "cai-cach-hanh-chinh");
			this.segments.create("Nha Trang", List.of("56.568"), null);
		}
		log.info("Loaded the sample SMS audience: {} subscribers, 2 segments", report.created());
	}

}
