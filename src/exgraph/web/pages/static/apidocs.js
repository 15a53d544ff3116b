// Swagger UI on the API's OpenAPI document, from the vendored bundle. validatorUrl: null keeps
// it from sending the document to validator.swagger.io.
(function () {
  "use strict";
  var holder = document.getElementById("swagger-ui");
  if (!holder || typeof window.SwaggerUIBundle === "undefined") {
    return;
  }
  window.SwaggerUIBundle({
    url: holder.getAttribute("data-url"),
    domNode: holder,
    validatorUrl: null,
    deepLinking: false
  });

  // What Swagger UI's markup gets wrong for assistive technology (axe-core, tests/
  // test_browser_pages.py), fixed on every render since React redraws the nodes: a second
  // <main> inside the page's own, a second h1, unlabelled selects, and code samples that scroll
  // sideways but cannot be reached with the keyboard. Colours are fixed in site.css.
  function set(node, name, value) {
    if (node.getAttribute(name) !== value) {
      node.setAttribute(name, value);
    }
  }
  function each(selector, fix) {
    var nodes = holder.querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i++) {
      fix(nodes[i]);
    }
  }
  function tidy() {
    // the parts Swagger UI draws outside its <main>, as landmarks (all content is in one)
    each(".information-container, .scheme-container", function (node) {
      set(node, "role", "region");
      set(node, "aria-label", node.className.indexOf("scheme") >= 0 ? "Servers" : "About the API");
    });
    each("h1", function (node) {
      set(node, "role", "heading");
      set(node, "aria-level", "2");
    });
    each("select:not([aria-label]):not([aria-labelledby])", function (node) {
      set(node, "aria-label", node.id === "servers" ? "Server"
        : (node.className || "Choice").replace(/[-_]/g, " "));
    });
    // every sample: whether one overflows depends on the width, which changes
    each("pre", function (node) {
      if (!node.hasAttribute("tabindex")) {
        set(node, "tabindex", "0");
      }
    });
  }
  new MutationObserver(tidy).observe(holder, { childList: true, subtree: true });
})();
