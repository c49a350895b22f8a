// Progressive enhancements only: every page works without this file. The text size (A-/A+ in the
// header, kept in localStorage), printing and the printed date, the device's share sheet, the phone's
// menu button (without it, a link opens the menu as the page's #target, site.css).
(function () {
  "use strict";
  var KEY = "co-chu";
  // html[data-text-size] (site.css) sizes the root, which every rem follows; js/text-size.js sets it
  // before the first paint. Step 1 is the default.
  var PERCENT = [90, 100, 115, 130, 150];
  var DEFAULT = 1;
  var root = document.documentElement;

  function stored() {
    try {
      var n = parseInt(window.localStorage.getItem(KEY), 10);
      return n >= 0 && n < PERCENT.length ? n : DEFAULT;
    } catch (e) {
      return DEFAULT; // storage blocked (private mode)
    }
  }
  var current = stored();

  // In the page (base.html) with its buttons disabled: enabling them moves nothing. An end's stays so.
  function show(n) {
    root.setAttribute("data-text-size", String(n));
    document.querySelectorAll("[data-text-size-control]").forEach(function (control) {
      control.querySelector("[data-text-size-value]").textContent = PERCENT[n] + "\u00a0%";
      control.querySelectorAll("[data-text-size-step]").forEach(function (button) {
        var step = parseInt(button.getAttribute("data-text-size-step"), 10);
        button.disabled = n + step < 0 || n + step >= PERCENT.length;
      });
    });
  }

  // The day of printing (news/_print_facts.html).
  function datePrinted() {
    var today = new Date().toLocaleDateString("vi-VN", {
      timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric"
    });
    document.querySelectorAll("[data-print-date]").forEach(function (line) {
      line.querySelector("time").textContent = today;
      line.hidden = false;
    });
  }

  function ready() {
    show(current);
    document.querySelectorAll("[data-text-size-step]").forEach(function (button) {
      button.addEventListener("click", function () {
        var step = parseInt(button.getAttribute("data-text-size-step"), 10);
        current = Math.min(PERCENT.length - 1, Math.max(0, current + step));
        show(current);
        try {
          window.localStorage.setItem(KEY, String(current));
        } catch (e) {} // not remembered
      });
    });

    datePrinted();
    window.addEventListener("beforeprint", datePrinted);

    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.disabled = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });

    var menuLink = document.querySelector("[data-menu-link]");
    var menuButton = document.querySelector("[data-menu-button]");
    var menu = menuButton && document.getElementById(menuButton.getAttribute("aria-controls"));
    if (menuLink && menuButton && menu) {
      menuLink.hidden = true;
      menuButton.hidden = false;
      menuButton.addEventListener("click", function () {
        var open = menuButton.getAttribute("aria-expanded") !== "true";
        menuButton.setAttribute("aria-expanded", String(open));
        menu.classList.toggle("is-open", open);
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.classList.contains("is-open")) {
          menuButton.setAttribute("aria-expanded", "false");
          menu.classList.remove("is-open");
          menuButton.focus();
        }
      });
    }

    if (navigator.share) {
      document.querySelectorAll("[data-share]").forEach(function (button) {
        button.hidden = false;
        button.classList.remove("awaits-script");
        button.addEventListener("click", function () {
          navigator
            .share({ title: button.getAttribute("data-share-title"), url: button.getAttribute("data-share-url") })
            .catch(function () {});
        });
      });
    }
  }

  ready(); // a deferred script runs once the page is parsed
})();
