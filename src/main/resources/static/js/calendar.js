/*
 * The publishing calendar's grid (FullCalendar, from the jar's WebJars). Times are the
 * wall clock of Asia/Ho_Chi_Minh as the server gives them; the grid shows them as given
 * ("UTC" here means "no conversion"), so an officer abroad still sees Vietnamese times.
 * An approver drags a scheduled entry to move its publication; a refusal puts it back.
 */
(function () {
	'use strict';

	function start() {
		var el = document.getElementById('calendar');
		if (!el || typeof FullCalendar === 'undefined') {
			return;
		}
		var token = document.querySelector('meta[name="_csrf"]');
		var header = document.querySelector('meta[name="_csrf_header"]');
		var narrow = window.matchMedia('(max-width: 640px)').matches;
		var calendar = new FullCalendar.Calendar(el, {
			locale: el.dataset.locale === 'en' ? 'en-gb' : 'vi',
			firstDay: 1,
			timeZone: 'UTC',
			initialDate: el.dataset.initialDate,
			initialView: narrow ? 'listWeek' : 'dayGridMonth',
			headerToolbar: narrow
				? { left: 'prev,next', center: 'title', right: 'listWeek,timeGridWeek' }
				: { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listWeek' },
			height: 'auto',
			nowIndicator: true,
			eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
			slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
			editable: el.dataset.editable === 'true',
			eventDurationEditable: false,
			events: el.dataset.eventsUrl,
			eventDrop: function (info) {
				var publication = info.event.extendedProps.publication;
				var at = info.event.startStr.replace('Z', '').substring(0, 19);
				var headers = { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' };
				if (token && header) {
					headers[header.getAttribute('content')] = token.getAttribute('content');
				}
				fetch(el.dataset.dropUrl + publication + '/drop', {
					method: 'POST', headers: headers, credentials: 'same-origin',
					body: 'scheduledAt=' + encodeURIComponent(at)
				}).then(function (response) {
					return response.json().then(function (body) {
						if (!response.ok) {
							info.revert();
							window.alert(el.dataset.failed + ' ' + (body.message || ''));
							return;
						}
						// the publication's other channels move with it
						calendar.refetchEvents();
						el.dispatchEvent(new CustomEvent('loa:moved', { detail: body }));
						el.setAttribute('data-last-moved', String(body.id));
					});
				}).catch(function () {
					info.revert();
				});
			}
		});
		// FullCalendar's markup, made to pass the console's accessibility check: its icons
		// are decoration (the buttons carry the names), and a day cell is named by its
		// content rather than by its number alone
		var tidy = function () {
			el.querySelectorAll('.fc-icon[role="img"]').forEach(function (icon) {
				icon.removeAttribute('role');
				icon.setAttribute('aria-hidden', 'true');
			});
			el.querySelectorAll('td[aria-labelledby]').forEach(function (cell) {
				cell.removeAttribute('aria-labelledby');
			});
		};
		new MutationObserver(tidy).observe(el, { childList: true, subtree: true });
		calendar.render();
		tidy();
		el.setAttribute('data-ready', 'true');
		window.loaCalendar = calendar;
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	}
	else {
		start();
	}
})();
