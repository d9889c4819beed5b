/*
 * Loa console: small progressive enhancements. Every page works without this script;
 * it adds live counters under text boxes and refreshes a publication's progress.
 */
(function () {
	'use strict';

	function csrfHeaders() {
		var token = document.querySelector('meta[name="_csrf"]');
		var header = document.querySelector('meta[name="_csrf_header"]');
		var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
		if (token && header) {
			headers[header.getAttribute('content')] = token.getAttribute('content');
		}
		return headers;
	}

	function fill(template, values) {
		return template.replace(/\{(\w+)\}/g, function (all, key) {
			return (values[key] !== undefined && values[key] !== null) ? String(values[key]) : all;
		});
	}

	function debounce(fn, ms) {
		var timer;
		return function () {
			clearTimeout(timer);
			timer = setTimeout(fn, ms);
		};
	}

	/*
	 * A live counter: posts the text box's content to a text tool of the API and writes
	 * the answer under the box. When the endpoint is absent (404/405) the counter stays
	 * hidden: the tools ship with the SMS and radio channels.
	 */
	function liveCounter(box, output, url, body, render, others) {
		var disabled = false;
		var update = debounce(function () {
			if (disabled) {
				return;
			}
			if (!box.value.trim()) {
				output.hidden = true;
				return;
			}
			fetch(url, { method: 'POST', headers: csrfHeaders(), credentials: 'same-origin', body: JSON.stringify(body(box.value)) })
				.then(function (response) {
					if (response.status === 404 || response.status === 405) {
						disabled = true;
						output.hidden = true;
						return null;
					}
					return response.ok ? response.json() : null;
				})
				.then(function (answer) {
					if (answer) {
						render(answer);
						output.hidden = false;
					}
				})
				.catch(function () { /* a counter is a convenience; the form works without it */ });
		}, 350);
		box.addEventListener('input', update);
		(others || []).forEach(function (other) { other.addEventListener('input', update); });
		update();
	}

	/*
	 * The SMS counter under the summary measures the SMS as the SMS template renders it
	 * (agency, title, summary, short link, hotline), with and without diacritics, so the
	 * count is the one the operator bills. It follows the title box too.
	 */
	function smsCounters() {
		document.querySelectorAll('[data-sms-counter]').forEach(function (box) {
			var output = document.getElementById(box.getAttribute('data-sms-counter'));
			if (!output) {
				return;
			}
			var form = box.form;
			var title = form ? form.querySelector('[name="title"]') : null;
			var body = form ? form.querySelector('[name="body"]') : null;
			var contentId = output.getAttribute('data-content-id');
			var format = output.getAttribute('data-format') || 'SMS: {parts} · {plainParts} · {maxParts}';
			var formatOver = output.getAttribute('data-format-over') || format;
			liveCounter(box, output, output.getAttribute('data-url') || '/api/v1/sms/preview',
				function (text) {
					return {
						contentId: contentId ? Number(contentId) : null,
						title: title ? title.value : '',
						summary: text,
						body: body ? body.value : ''
					};
				},
				function (a) {
					var values = {
						parts: a.withDiacritics.parts,
						encoding: String(a.withDiacritics.encoding).replace('_', '-'),
						characters: a.withDiacritics.characters,
						charactersLeft: a.withDiacritics.charactersLeft,
						plainParts: a.withoutDiacritics.parts,
						maxParts: a.maxParts
					};
					var over = a.withDiacritics.overLimit;
					output.innerHTML = '';
					var strong = document.createElement('strong');
					strong.textContent = fill(over ? formatOver : format, values);
					output.appendChild(strong);
					output.classList.toggle('over', over);
				}, title ? [title] : []);
		});
	}

	function radioCounters() {
		document.querySelectorAll('[data-radio-counter]').forEach(function (box) {
			var output = document.getElementById(box.getAttribute('data-radio-counter'));
			if (!output) {
				return;
			}
			var format = output.getAttribute('data-format') || 'Radio: {minutes}:{secs} ({words} words)';
			liveCounter(box, output, output.getAttribute('data-url') || '/api/v1/radio/script-preview',
				function (text) { return { text: text }; },
				function (a) {
					var seconds = a.seconds || 0;
					a.minutes = Math.floor(seconds / 60);
					a.secs = String(seconds % 60).padStart(2, '0');
					output.innerHTML = '';
					var strong = document.createElement('strong');
					strong.textContent = fill(format, a);
					output.appendChild(strong);
				});
		});
	}

	function signature(progress) {
		return Object.keys(progress).sort().map(function (channel) {
			return Object.keys(progress[channel]).sort().map(function (status) {
				return channel + '.' + status + '=' + progress[channel][status] + ';';
			}).join('');
		}).join('');
	}

	/*
	 * A publication's page: polls the small progress document every few seconds and,
	 * when the counts change, swaps in the freshly rendered progress and delivery rows.
	 */
	function liveProgress() {
		var live = document.getElementById('live');
		if (!live) {
			return;
		}
		var busy = false;
		function poll() {
			if (busy || document.hidden) {
				return;
			}
			busy = true;
			fetch(live.getAttribute('data-progress-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
				.then(function (response) { return response.ok ? response.json() : null; })
				.then(function (progress) {
					if (progress === null) {
						return null;
					}
					var state = live.getAttribute('data-state');
					// rows appear when a scheduled publication fires, so only a dispatch under way needs more
					var unsettled = state === 'DISPATCHING';
					if (signature(progress) === live.getAttribute('data-signature') && !unsettled) {
						return null;
					}
					return fetch(live.getAttribute('data-live-url'), { credentials: 'same-origin' })
						.then(function (response) { return response.ok ? response.text() : null; })
						.then(function (html) {
							if (!html) {
								return;
							}
							var holder = document.createElement('div');
							holder.innerHTML = html;
							var fresh = holder.querySelector('#live');
							if (fresh) {
								live.replaceWith(fresh);
								live = fresh;
							}
						});
				})
				.catch(function () { /* try again on the next tick */ })
				.then(function () { busy = false; });
		}
		setInterval(poll, 3000);
	}

	/*
	 * On a phone the main menu folds behind one button. Without this script the button
	 * stays hidden and the menu simply wraps.
	 */
	function navToggle() {
		var toggle = document.getElementById('nav-toggle');
		var nav = document.getElementById('mainnav');
		if (!toggle || !nav) {
			return;
		}
		document.documentElement.classList.add('has-nav-toggle');
		toggle.addEventListener('click', function () {
			var open = toggle.getAttribute('aria-expanded') !== 'true';
			toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
			nav.classList.toggle('open', open);
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		navToggle();
		smsCounters();
		radioCounters();
		liveProgress();
	});
})();
