// Search-as-you-type on every exercise field of the pages (issue 24).
//
// An <input data-suggest="name"> (the search box) or data-suggest="id" (fields that take an
// exercise's slug; data-suggest-multiple when they take a comma-separated list) gets a
// <datalist> filled from GET /api/v1/suggest as the lifter types: one request at a time, 150 ms
// after the last key, none under two characters. Same-origin fetch only (the content security
// policy's connect-src 'self'); the pages work without it.
"use strict";
(function () {
  var DELAY = 150, MIN = 2, LIMIT = 8, count = 0;

  function attach(input) {
    var list = document.createElement("datalist");
    list.id = "suggest-" + (input.id || "field") + "-" + (count += 1);
    input.parentNode.insertBefore(list, input.nextSibling);
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    var timer = null, controller = null, byId = input.dataset.suggest === "id";
    var multiple = input.hasAttribute("data-suggest-multiple");

    function typed() {
      var value = input.value;
      if (!multiple) return { head: "", text: value };
      var cut = value.lastIndexOf(",") + 1;
      return { head: value.slice(0, cut) + (cut ? " " : ""), text: value.slice(cut) };
    }

    function fill(items, head) {
      list.replaceChildren();
      items.forEach(function (item) {
        var option = document.createElement("option");
        option.value = byId ? head.replace(/\s+$/, "") + (head ? " " : "") + item.id : item.name;
        option.label = item.name === item.matched ? item.name
          : item.name + " (" + item.matched + ")";
        list.appendChild(option);
      });
    }

    function ask() {
      var parts = typed(), text = parts.text.trim();
      if (text.length < MIN || text.length > 100) { list.replaceChildren(); return; }
      if (controller) controller.abort();
      controller = new AbortController();
      var lang = document.documentElement.lang || "en";
      var url = "/api/v1/suggest?q=" + encodeURIComponent(text) + "&limit=" + LIMIT
        + "&lang=" + encodeURIComponent(lang);
      fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { items: [] }; })
        .then(function (body) { fill(body.items || [], parts.head); })
        .catch(function () { /* aborted by a newer key press, or offline: keep the form */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY);
    });
  }

  document.querySelectorAll("input[data-suggest]").forEach(attach);
})();
