/* dragoman charts 1.0.0: small SVG charts drawn from the API's JSON.
 *
 * A chart is a <figure class="chart" data-chart="KIND" data-src="/api/url"> with a
 * .chart-body inside. KIND is:
 *   timeline  events of a dyad by day and Goldstein value, coloured by PLOVER type,
 *             with the mean tone of each month as a line   (GET /dyads/{a}/{b})
 *   series    one metric's actual figures by period as bars, targets as lines
 *             (GET /dyads/{a}/{b}, the series at data-series)
 *   roles     a person's roles over time                   (GET /entities/{id})
 * Data are only ever written with textContent and setAttribute: never as markup.
 * No dependencies; works offline. Figures are formatted like web/display.py.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var requests = {};

  function getJSON(src) {
    if (!requests[src]) {
      requests[src] = fetch(src, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) { throw new Error(src + " answered " + response.status); }
          return response.json();
        });
    }
    return requests[src];
  }

  function node(name, attrs, parent) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (key) { element.setAttribute(key, String(attrs[key])); });
    if (parent) { parent.appendChild(element); }
    return element;
  }

  function label(parent, x, y, words, attrs) {
    var element = node("text", Object.assign({ x: x, y: y }, attrs || {}), parent);
    element.textContent = words;
    return element;
  }

  function tooltip(parent, words) {
    node("title", {}, parent).textContent = words;
  }

  function shortAmount(value) {
    if (value === null || value === undefined) { return "?"; }
    var scales = [[1e12, "tn"], [1e9, "bn"], [1e6, "m"]];
    for (var i = 0; i < scales.length; i++) {
      if (Math.abs(value) >= scales[i][0]) {
        return String(Math.round(value / scales[i][0] * 100) / 100) + " " + scales[i][1];
      }
    }
    return Number.isInteger(value) ? value.toLocaleString("en-US")
      : (Math.round(value * 100) / 100).toLocaleString("en-US");
  }

  function figure(value, unit) {
    if (unit === "percent") { return shortAmount(value) + "%"; }
    if (unit === "rank") { return "#" + shortAmount(value); }
    if (unit === "count") { return shortAmount(value); }
    return shortAmount(value) + (unit ? " " + unit : "");
  }

  function evidenceUrl(source) {
    var url = "/article/" + encodeURIComponent(source.article);
    if (source.span) { url += "?span=" + source.span[0] + "-" + source.span[1] + "#evidence"; }
    return url;
  }

  function parseDay(text) {
    var parts = String(text).replace(/^~/, "").split("-").map(Number);
    return Date.UTC(parts[0], (parts[1] || 1) - 1, parts[2] || 1);
  }

  function monthLabel(time) {
    var date = new Date(time);
    return date.getUTCFullYear() + "-" + String(date.getUTCMonth() + 1).padStart(2, "0");
  }

  function niceStep(span, ticks) {
    var raw = span / Math.max(1, ticks);
    var power = Math.pow(10, Math.floor(Math.log10(raw || 1)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * power >= raw) { return steps[i] * power; }
    }
    return 10 * power;
  }

  function empty(body, words) {
    var p = document.createElement("p");
    p.className = "empty";
    p.textContent = words;
    body.appendChild(p);
  }

  function canvas(body, height) {
    var width = Math.max(300, Math.floor(body.clientWidth || 600));
    var svg = node("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height,
      preserveAspectRatio: "xMinYMin meet", focusable: "false" }, body);
    return { svg: svg, width: width, height: height };
  }

  /* -- series: bars of actual figures by period, target lines ------------------------- */

  function drawSeries(body, series) {
    var bars = series.actual.concat(series.forecasts);
    bars.sort(function (a, b) { return String(a.period || a.as_of).localeCompare(String(b.period || b.as_of)); });
    if (!bars.length && !series.targets.length) { empty(body, "No figures to draw."); return; }
    var values = bars.map(function (f) { return f.value; })
      .concat(series.targets.map(function (f) { return f.value; }));
    var top = Math.max.apply(null, values.concat([0]));
    var step = niceStep(top * 1.1, 4);
    var ceiling = Math.max(step, Math.ceil(top * 1.12 / step) * step);
    var c = canvas(body, 240);
    var m = { left: 64, right: 16, top: 18, bottom: 30 };
    var plotW = c.width - m.left - m.right;
    var plotH = c.height - m.top - m.bottom;
    var y = function (v) { return m.top + plotH - (v / ceiling) * plotH; };
    var axis = node("g", { "class": "axis" }, c.svg);
    for (var v = 0; v <= ceiling + step / 2; v += step) {
      node("line", { "class": "grid", x1: m.left, x2: c.width - m.right, y1: y(v), y2: y(v) }, c.svg);
      label(axis, m.left - 6, y(v) + 4, shortAmount(v), { "text-anchor": "end" });
    }
    node("line", { x1: m.left, x2: c.width - m.right, y1: y(0), y2: y(0) }, axis);
    var slots = Math.max(bars.length, 1);
    var band = plotW / slots;
    var barW = Math.min(72, band * 0.6);
    bars.forEach(function (f, i) {
      var x = m.left + band * i + (band - barW) / 2;
      var link = node("a", { href: evidenceUrl(f.claimed_by[0]), "class": "bar-link" }, c.svg);
      var period = f.period || ("as of " + f.as_of);
      tooltip(link, series.metric + " " + period + ": " + figure(f.value, series.unit) +
        " (" + f.status + "), claimed by " + f.claimed_by.map(function (s) { return s.speaker || s.article; }).join(", "));
      node("rect", { "class": "bar " + f.status, x: x, y: y(f.value), width: barW,
        height: Math.max(1, y(0) - y(f.value)) }, link);
      label(link, x + barW / 2, y(f.value) - 5, shortAmount(f.value),
        { "text-anchor": "middle", "class": "bar-label" });
      label(c.svg, x + barW / 2, c.height - m.bottom + 16, period + (f.status === "forecast" ? " (forecast)" : ""),
        { "text-anchor": "middle", "class": "tick" });
    });
    series.targets.forEach(function (t, i) {
      var ty = y(t.value);
      node("line", { "class": "target-line", x1: m.left, x2: c.width - m.right, y1: ty, y2: ty }, c.svg);
      var words = "target " + shortAmount(t.value) + (t.period ? " by " + t.period : "");
      var link = node("a", { href: evidenceUrl(t.claimed_by[0]) }, c.svg);
      tooltip(link, words + ", set by " + t.claimed_by.map(function (s) { return s.speaker || s.article; }).join(", "));
      label(link, c.width - m.right - 4, ty - 6 - i * 14, words, { "text-anchor": "end", "class": "target-label" });
    });
  }

  /* -- timeline: events by day and Goldstein value, tone by month ----------------------- */

  function timeDomain(times) {
    var lo = Math.min.apply(null, times);
    var hi = Math.max.apply(null, times);
    var pad = Math.max(15 * DAY, (hi - lo) * 0.05);
    return [lo - pad, hi + pad];
  }

  function monthTicks(domain, most) {
    var start = new Date(domain[0]);
    var ticks = [];
    var month = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
    while (month <= domain[1]) {
      ticks.push(month);
      var d = new Date(month);
      month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
    var every = Math.max(1, Math.ceil(ticks.length / most));
    return ticks.filter(function (_, i) { return i % every === 0; });
  }

  function drawTimeline(body, report, legend) {
    var events = report.timeline.filter(function (e) { return e.day; });
    if (!events.length) { empty(body, "No dated events to draw."); return; }
    var times = events.map(function (e) { return parseDay(e.day); });
    var domain = timeDomain(times);
    var c = canvas(body, 260);
    var m = { left: 40, right: 16, top: 14, bottom: 30 };
    var plotW = c.width - m.left - m.right;
    var plotH = c.height - m.top - m.bottom;
    var x = function (t) { return m.left + (t - domain[0]) / (domain[1] - domain[0]) * plotW; };
    var y = function (g) { return m.top + (10 - g) / 20 * plotH; };
    var axis = node("g", { "class": "axis" }, c.svg);
    [-10, -5, 0, 5, 10].forEach(function (g) {
      node("line", { "class": g === 0 ? "zero" : "grid", x1: m.left, x2: c.width - m.right, y1: y(g), y2: y(g) }, c.svg);
      label(axis, m.left - 6, y(g) + 4, (g > 0 ? "+" : "") + g, { "text-anchor": "end" });
    });
    monthTicks(domain, Math.max(2, Math.floor(plotW / 80))).forEach(function (t) {
      node("line", { x1: x(t), x2: x(t), y1: c.height - m.bottom, y2: c.height - m.bottom + 4 }, axis);
      label(axis, x(t), c.height - m.bottom + 17, monthLabel(t), { "text-anchor": "middle" });
    });
    var tone = report.tone.map(function (t) { return [x(parseDay(t.month + "-15")), y(t.goldstein), t]; });
    if (tone.length) {
      node("polyline", { "class": "tone-line", points: tone.map(function (p) { return p[0] + "," + p[1]; }).join(" ") }, c.svg);
      tone.forEach(function (p) {
        var point = node("circle", { "class": "tone-point", cx: p[0], cy: p[1], r: 3 }, c.svg);
        tooltip(point, "tone " + p[2].month + ": " + p[2].goldstein.toFixed(2) + " over " + p[2].events + " events");
      });
    }
    var stacked = {};
    var counts = {};
    events.forEach(function (e, i) {
      var g = e.goldstein === null ? 0 : e.goldstein;
      var key = e.day + "|" + g;
      var k = stacked[key] = (stacked[key] || 0) + 1;
      counts[e.type] = (counts[e.type] || 0) + 1;
      var cx = x(times[i]) + (k - 1) * 9;
      var link = node("a", { href: e.sources.length ? evidenceUrl(e.sources[0]) : "#" }, c.svg);
      tooltip(link, e.type + (e.mode ? " (" + e.mode + ")" : "") + ", " + (e.date || "~" + e.day) +
        (e.goldstein === null ? "" : ", Goldstein " + e.goldstein) + (e.location ? ", " + e.location : "") +
        ": " + e.source.concat(e.target).join(", "));
      node("circle", { "class": "dot type-" + e.type.toLowerCase(), cx: cx, cy: y(g), r: 6 }, link);
    });
    drawLegend(legend, counts, tone.length > 0, report.timeline.length - events.length,
      report.counts && report.counts.events > report.timeline.length ? report.counts.events : 0);
  }

  function drawLegend(list, counts, withTone, undated, total) {
    Object.keys(counts).sort().forEach(function (type) {
      var item = document.createElement("li");
      item.className = "type-" + type.toLowerCase();
      var words = document.createElement("span");
      words.textContent = type + " (" + counts[type] + ")";
      item.appendChild(words);
      list.appendChild(item);
    });
    if (withTone) {
      var tone = document.createElement("li");
      tone.className = "legend-target";
      tone.textContent = "mean Goldstein tone by month";
      list.appendChild(tone);
    }
    if (undated) {
      var note = document.createElement("li");
      note.textContent = undated + " undated event" + (undated === 1 ? "" : "s") + " not drawn";
      list.appendChild(note);
    }
    if (total) {
      var latest = document.createElement("li");
      latest.textContent = "the latest events of " + total + " drawn; the tone line covers them all";
      list.appendChild(latest);
    }
  }

  /* -- roles: one bar per role from its first to its last article ------------------------ */

  function drawRoles(body, person) {
    var roles = person.roles.filter(function (r) { return r.since; });
    if (!roles.length) { empty(body, "No dated roles."); return; }
    var times = [];
    roles.forEach(function (r) { times.push(parseDay(r.since), parseDay(r.until || r.since)); });
    var domain = timeDomain(times);
    var row = 38;
    var c = canvas(body, roles.length * row + 34);
    var m = { left: 12, right: 12 };
    var plotW = c.width - m.left - m.right;
    var x = function (t) { return m.left + (t - domain[0]) / (domain[1] - domain[0]) * plotW; };
    roles.forEach(function (r, i) {
      var top = i * row + 4;
      var x1 = x(parseDay(r.since));
      var x2 = Math.max(x1 + 6, x(parseDay(r.until || r.since)));
      label(c.svg, m.left, top + 12, r.role + (r.country ? " (" + r.country + ")" : "") + ": " +
        r.since + (r.until && r.until !== r.since ? " – " + r.until : ""));
      var bar = node("rect", { "class": "role-bar", x: x1, y: top + 18, width: x2 - x1, height: 12, rx: 3 }, c.svg);
      tooltip(bar, r.role + ", " + r.articles + " article(s)");
    });
    var axis = node("g", { "class": "axis" }, c.svg);
    monthTicks(domain, Math.max(2, Math.floor(plotW / 90))).forEach(function (t) {
      label(axis, x(t), c.height - 6, monthLabel(t), { "text-anchor": "middle" });
    });
  }

  /* -- wiring -------------------------------------------------------------------------------- */

  function draw(figureElement) {
    var body = figureElement.querySelector(".chart-body");
    var kind = figureElement.getAttribute("data-chart");
    var legend = figureElement.querySelector("ul.chart-legend");
    body.textContent = "";
    if (kind === "timeline") {
      if (!legend) {
        legend = document.createElement("ul");
        legend.className = "chart-legend";
        figureElement.insertBefore(legend, body.nextSibling);
      }
      legend.textContent = "";
    }
    return getJSON(figureElement.getAttribute("data-src")).then(function (data) {
      if (kind === "timeline") { drawTimeline(body, data, legend); }
      else if (kind === "series") { drawSeries(body, data.series[Number(figureElement.getAttribute("data-series"))]); }
      else if (kind === "roles") { drawRoles(body, data); }
      figureElement.setAttribute("data-drawn", "true");
    }).catch(function (error) {
      body.textContent = "";
      empty(body, "Chart not available: " + error.message);
    });
  }

  function drawAll() {
    Array.prototype.forEach.call(document.querySelectorAll("figure.chart[data-chart]"), draw);
  }

  var resizeTimer = null;
  var lastWidth = window.innerWidth;
  window.addEventListener("resize", function () {
    if (window.innerWidth === lastWidth) { return; }
    lastWidth = window.innerWidth;
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(drawAll, 200);
  });

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", drawAll); }
  else { drawAll(); }
}());
