// The reader's text size (site.js's A-/A+, kept in this browser's localStorage) onto <html> before the
// first paint, so no page is drawn at one size and then redrawn at another. Loaded as a blocking
// <script src> at the top of <head>: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  try {
    var step = window.localStorage.getItem("co-chu");
    if (/^[0-4]$/.test(step || "")) document.documentElement.setAttribute("data-text-size", step);
  } catch (e) {
    /* storage blocked (private mode): the default size */
  }
})();
