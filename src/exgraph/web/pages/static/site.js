// After a form of the page was sent (the URL has a query), the part of the page that answers it
// (marked data-results) gets the focus and is scrolled into view: on a phone the answer is below
// the form, and a screen reader would otherwise start again at the top. Without this script the
// pages work as before; the form actions' #fragments still scroll there.
// It runs once the page has loaded: the browser's own scroll to a #fragment comes before that
// and would otherwise take the focus back to the document.
(function () {
  "use strict";
  function answer() {
    var target = document.querySelector("[data-results]");
    if (!target || !window.location.search) {
      return;
    }
    if (!target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  }
  if (document.readyState === "complete") {
    answer();
  } else {
    window.addEventListener("load", answer);
  }
})();
