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
  yasgui.getTab().setQuery(form.elements.query.value);
  form.hidden = true;
  // Only http(s) IRIs stay links in the results (as on the server's pages): YASR links every
  // IRI, and a javascript: or data: IRI in the data must be text (the content policy would
  // block it, but it should not be offered).
  new MutationObserver(function () {
    var links = holder.querySelectorAll(".yasr_results a[href]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].protocol !== "http:" && links[i].protocol !== "https:") {
        links[i].removeAttribute("href");
      }
    }
  }).observe(holder, { childList: true, subtree: true });
})();
