// The SPARQL workbench: turns the plain query form of /sparql into YASGUI, pinned to this
// server's endpoint and fetching nothing from other hosts (see web/static/vendor/README.md for
// why each option is set). Without this script, or without YASGUI, the plain form still works.
(function () {
  "use strict";
  var form = document.getElementById("sparql-form");
  var holder = document.getElementById("yasgui");
  if (!form || !holder || typeof window.Yasgui === "undefined") {
    return;
  }
  var Yasgui = window.Yasgui;
  // The constructor merges options into these defaults array by array, so the LOV
  // autocompleters ("property", "class") must be trimmed here, not passed as an option.
  Yasgui.defaults.yasqe.autocompleters = ["variables", "prefixes"];
  // Absolute: YASGUI builds `new URL(endpoint)` without a base for GET requests.
  var endpoint = new URL(holder.getAttribute("data-endpoint"), window.location.href).href;
  holder.hidden = false;
  var yasgui = new Yasgui(holder, {
    // A function is evaluated on every query and overrides what a tab holds: always /sparql.
    requestConfig: { endpoint: function () { return endpoint; } },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    copyEndpointOnNewTab: false,
    populateFromUrl: false,
    persistenceId: null
  });
  // A named query's "open in the workbench" link carries its text in the fragment.
  var hash = window.location.hash;
  var text = form.elements.query.value;
  if (hash.indexOf("#query=") === 0) {
    try {
      text = decodeURIComponent(hash.slice("#query=".length));
      form.elements.query.value = text;
    } catch (e) {
      // a malformed link: keep the headline query
    }
  }
  yasgui.getTab().setQuery(text);
  // The PREFIX lines are folded to one, so the query itself is in view.
  var tab = yasgui.getTab();
  var yasqe = typeof tab.getYasqe === "function" ? tab.getYasqe() : null;
  if (yasqe && typeof yasqe.collapsePrefixes === "function") {
    yasqe.collapsePrefixes(true);
  }
  form.hidden = true;
  // What YASGUI's markup leaves out for assistive technology (axe-core, tests/
  // test_browser_pages.py): the editor's hidden textarea has no label, its scroller and the
  // results table scroll without being reachable by keyboard. Applied again whenever YASGUI
  // redraws (a run replaces the results). Colours are fixed in site.css.
  function tidy() {
    var nodes = holder.querySelectorAll(".CodeMirror textarea:not([aria-label])");
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].setAttribute("aria-label", "SPARQL query");
    }
    nodes = holder.querySelectorAll(".CodeMirror-scroll:not([tabindex=\"0\"])");
    for (i = 0; i < nodes.length; i++) {
      nodes[i].setAttribute("tabindex", "0");
      nodes[i].setAttribute("role", "region");
      nodes[i].setAttribute("aria-label", "Query editor");
    }
    nodes = holder.querySelectorAll("select.tableSizer:not([aria-label])");
    for (i = 0; i < nodes.length; i++) {
      nodes[i].setAttribute("aria-label", "Rows per page");
    }
    // the row-number column's header is empty
    nodes = holder.querySelectorAll(".yasr th.dt-type-numeric .dt-column-title:empty");
    for (i = 0; i < nodes.length; i++) {
      nodes[i].textContent = "#";
    }
    nodes = holder.querySelectorAll(".yasr_results:not([role])");
    for (i = 0; i < nodes.length; i++) {
      nodes[i].setAttribute("role", "region");
      nodes[i].setAttribute("aria-label", "Query results");
      nodes[i].setAttribute("tabindex", "0");
    }
  }
  tidy();
  // Only http(s) IRIs stay links in the results (as on the server's pages): YASR links every
  // IRI, and a javascript: or data: IRI in the data must be text (the content policy would
  // block it, but it should not be offered).
  new MutationObserver(function () {
    tidy();
    var links = holder.querySelectorAll(".yasr_results a[href]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].protocol !== "http:" && links[i].protocol !== "https:") {
        links[i].removeAttribute("href");
      }
    }
  }).observe(holder, { childList: true, subtree: true });
})();
