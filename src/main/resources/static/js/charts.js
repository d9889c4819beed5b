/*
 * Deliveries charts (chart.js from the jar's WebJars): bars stacked per channel, one
 * colour per status. The numbers are also in the table under each chart. A live chart
 * (a publication being sent) reloads its data every 5 s and stops after 10 minutes
 * without a change.
 */
(function () {
	'use strict';

	function datasets(data) {
		return data.series.map(function (s) {
			return {
				label: s.label, data: s.data, stack: s.channel, backgroundColor: s.colour,
				borderColor: s.channelColour, borderWidth: { top: 0, right: 0, bottom: 0, left: 3 }
			};
		});
	}

	function draw(canvas) {
		var url = canvas.getAttribute('data-chart-url');
		fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
			.then(function (r) { return r.json(); })
			.then(function (data) {
				var chart = new Chart(canvas, {
					type: 'bar',
					data: { labels: data.labels, datasets: datasets(data) },
					options: {
						responsive: true, maintainAspectRatio: false, animation: false,
						scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
						plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } }
					}
				});
				canvas.setAttribute('data-ready', 'true');
				if (canvas.getAttribute('data-live') === 'true') {
					var last = JSON.stringify(data);
					var quietSince = Date.now();
					var timer = setInterval(function () {
						if (Date.now() - quietSince > 10 * 60 * 1000) {
							clearInterval(timer);
							return;
						}
						fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
							.then(function (r) { return r.json(); })
							.then(function (fresh) {
								var text = JSON.stringify(fresh);
								if (text !== last) {
									last = text;
									quietSince = Date.now();
									chart.data.labels = fresh.labels;
									chart.data.datasets = datasets(fresh);
									chart.update();
								}
							});
					}, 5000);
				}
			});
	}

	function start() {
		if (typeof Chart === 'undefined') {
			return;
		}
		document.querySelectorAll('canvas[data-chart-url]').forEach(draw);
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	}
	else {
		start();
	}
})();
