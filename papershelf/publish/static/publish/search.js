// Search a published Papershelf site in the browser, over the index search-index.js
// defines (window.PAPERSHELF_SEARCH): every word must match; titles weigh most.
(function () {
  "use strict";

  var FIELDS = [["t", 8], ["a", 4], ["k", 3], ["v", 2], ["y", 2], ["x", 1]];
  var LIMIT = 50;

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function score(entry, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var best = 0;
      for (var f = 0; f < FIELDS.length; f++) {
        if (fold(entry[FIELDS[f][0]]).indexOf(words[i]) !== -1) best = Math.max(best, FIELDS[f][1]);
      }
      if (!best) return 0;
      total += best;
    }
    return total;
  }

  function show(query) {
    var results = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var words = fold(query).split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = (window.PAPERSHELF_SEARCH || [])
      .map(function (entry) { return { entry: entry, score: score(entry, words) }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.entry.t.localeCompare(b.entry.t); });
    status.textContent = hits.length + (hits.length === 1 ? " paper" : " papers");
    hits.slice(0, LIMIT).forEach(function (hit) {
      var item = document.createElement("li");
      item.className = "paper-card";
      var link = document.createElement("a");
      link.className = "paper-title";
      link.href = hit.entry.u;
      link.textContent = hit.entry.t;
      var meta = document.createElement("div");
      meta.className = "paper-meta";
      meta.textContent = [hit.entry.a, hit.entry.v, hit.entry.y].filter(Boolean).join(" · ");
      item.appendChild(link);
      item.appendChild(meta);
      results.appendChild(item);
    });
  }

  var input = document.getElementById("search-input");
  if (!input) return;
  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  input.addEventListener("input", function () { show(input.value); });
  show(query);
})();
