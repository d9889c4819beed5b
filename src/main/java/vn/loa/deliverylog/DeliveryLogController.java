package vn.loa.deliverylog;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeliveryLogController {

	private final DeliveryLog log;

	DeliveryLogController(DeliveryLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/publications/{id}/deliveries")
	List<Delivery> deliveries(@PathVariable long id, @RequestParam(required = false) String channel,
			@RequestParam(required = false) DeliveryStatus status, @RequestParam(required = false) String target,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		return this.log.query(new DeliveryQuery(id, channel, status, target, after, limit));
	}

	@GetMapping(path = "/api/v1/publications/{id}/deliveries.csv")
	void deliveriesCsv(@PathVariable long id, @RequestParam(required = false) String channel,
			@RequestParam(required = false) DeliveryStatus status, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"loa-deliveries-" + id + ".csv\"");
		OutputStreamWriter writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.log.exportCsv(new DeliveryQuery(id, channel, status, null, 0, 5000), writer);
		writer.flush();
	}

	@GetMapping("/api/v1/publications/{id}/progress")
	Map<String, Map<DeliveryStatus, Long>> progress(@PathVariable long id) {
		return this.log.progress(id);
	}

	@GetMapping("/api/v1/deliveries")
	List<Delivery> all(@RequestParam(required = false) Long publication, @RequestParam(required = false) String channel,
			@RequestParam(required = false) DeliveryStatus status, @RequestParam(required = false) String target,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		return this.log.query(new DeliveryQuery(publication, channel, status, target, after, limit));
	}

}
