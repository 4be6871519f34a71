/* dragoman article page 1.0.0: click a highlight (or focus it and press Enter) to see
 * the facts extracted there; click a fact in the list to find its words.
 *
 * The facts come from the same JSON the API serves (GET /articles/{id}, the URL in
 * #article-text's data-src). Highlights name their facts in data-facts
 * ("quote-12 entity-5", innermost first). Every value is written with textContent.
 */
(function () {
  "use strict";

  var text = document.getElementById("article-text");
  var panel = document.getElementById("fact-detail");
  if (!text || !panel) { return; }
  var facts = {};
  var ready = fetch(text.getAttribute("data-src"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) { throw new Error("the article's facts answered " + response.status); }
      return response.json();
    })
    .then(function (article) {
      ["entities", "quotes", "claims", "events"].forEach(function (list) {
        var kind = { entities: "entity", quotes: "quote", claims: "claim", events: "event" }[list];
        article[list].forEach(function (fact) { facts[kind + "-" + fact.id] = { kind: kind, fact: fact }; });
      });
      document.body.setAttribute("data-facts-loaded", "true");
    })
    .catch(function (error) { say([["Error", error.message]]); });

  function element(name, words, parent) {
    var made = document.createElement(name);
    if (words !== undefined && words !== null) { made.textContent = String(words); }
    if (parent) { parent.appendChild(made); }
    return made;
  }

  function personLink(name, id) {
    if (!id) { return name || "(the article itself)"; }
    var link = document.createElement("a");
    link.href = "/person/" + encodeURIComponent(id);
    link.textContent = name || "?";
    return link;
  }

  function amount(value, unit, qualifier) {
    var words = { more_than: "more than ", at_least: "at least ", less_than: "less than ",
      at_most: "at most ", about: "about " }[qualifier] || "";
    var scales = [[1e12, "tn"], [1e9, "bn"], [1e6, "m"]];
    var shown = value.toLocaleString("en-US");
    for (var i = 0; i < scales.length; i++) {
      if (Math.abs(value) >= scales[i][0]) {
        shown = String(Math.round(value / scales[i][0] * 100) / 100) + " " + scales[i][1];
        break;
      }
    }
    if (unit === "percent") { return words + shown + "%"; }
    if (unit === "rank") { return words + "#" + shown; }
    return words + shown + (unit && unit !== "count" ? " " + unit : "");
  }

  function rows(entry) {
    var f = entry.fact;
    if (entry.kind === "quote") {
      return [["Speaker", personLink(f.speaker, f.speaker_id)], ["Kind", f.kind],
        ["Cue", f.cue], ["Words", f.text]];
    }
    if (entry.kind === "claim") {
      return [["Metric", f.metric.replace(/_/g, " ")], ["Value", amount(f.value, f.unit, f.qualifier)],
        ["Status", f.status], ["Period", f.period], ["Holder", f.holder], ["Counterpart", f.counterpart],
        ["Claimed by", personLink(f.speaker, f.speaker_id)]];
    }
    if (entry.kind === "event") {
      return [["Type", f.type], ["Mode", f.mode], ["Status", f.status], ["Date", f.date],
        ["Where", f.location], ["Who", f.source.join(", ")], ["With", f.target.join(", ")],
        ["CAMEO", f.cameo], ["Goldstein", f.goldstein], ["Coded from", f.trigger]];
    }
    return [["Name", personLink(f.name, f.id)], ["Kind", f.kind], ["Country", f.code || f.country],
      ["Mentions", f.mentions.length]];
  }

  var TITLES = { quote: "Quote", claim: "Claim", event: "Event", entity: "Entity" };

  function say(pairs, heading) {
    panel.textContent = "";
    element("h2", heading || "Fact", panel);
    var list = element("dl", null, panel);
    pairs.forEach(function (pair) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === "") { return; }
      element("dt", pair[0], list);
      var value = element("dd", null, list);
      if (pair[1] instanceof Node) { value.appendChild(pair[1]); } else { value.textContent = String(pair[1]); }
    });
  }

  function closeButton() {
    var button = element("button", "Close", panel);
    button.type = "button";
    button.className = "close";
    button.addEventListener("click", function () { panel.classList.remove("open"); });
  }

  function show(keys) {
    ready.then(function () {
      var known = keys.filter(function (key) { return facts[key]; });
      panel.textContent = "";
      panel.classList.add("open");
      closeButton();
      element("h2", known.length === 1 ? "Fact" : known.length + " facts here", panel);
      known.forEach(function (key) {
        var entry = facts[key];
        var section = element("section", null, panel);
        section.className = "fact fact-" + entry.kind;
        element("h3", TITLES[entry.kind], section);
        var list = element("dl", null, section);
        rows(entry).forEach(function (pair) {
          if (pair[1] === null || pair[1] === undefined || pair[1] === "") { return; }
          element("dt", pair[0], list);
          var value = element("dd", null, list);
          if (pair[1] instanceof Node) { value.appendChild(pair[1]); } else { value.textContent = String(pair[1]); }
        });
      });
    });
  }

  function mark(key) {
    Array.prototype.forEach.call(text.querySelectorAll(".hl.active"), function (el) { el.classList.remove("active"); });
    var first = null;
    Array.prototype.forEach.call(text.querySelectorAll(".hl[data-facts]"), function (el) {
      if (el.getAttribute("data-facts").split(" ").indexOf(key) >= 0) {
        el.classList.add("active");
        first = first || el;
      }
    });
    return first;
  }

  function activate(segment) {
    var keys = segment.getAttribute("data-facts").split(" ");
    mark(keys[0]);
    show(keys);
  }

  text.addEventListener("click", function (event) {
    var segment = event.target.closest(".hl[data-facts]");
    if (segment) { activate(segment); }
  });
  text.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") { return; }
    var segment = event.target.closest(".hl[data-facts]");
    if (segment) { event.preventDefault(); activate(segment); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.fact-button[data-fact]"), function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-fact");
      var first = mark(key);
      if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
      show([key]);
    });
  });
}());
