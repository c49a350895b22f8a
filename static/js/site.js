// Progressive enhancements only: every page works without this file.
// - the text-size control (A-/A+), remembered in this browser's localStorage, applied on every page;
// - the print button; - the device's own share sheet (where Zalo is) on phones that offer one;
// - the phone's menu button (without it, a link opens the menu as the page's #target, site.css).
(function () {
  "use strict";
  var KEY = "co-chu";
  var STEPS = 5; // html[data-text-size="0".."4"] in site.css; 1 is the default 17 px
  var DEFAULT = 1;
  var root = document.documentElement;

  function stored() {
    try {
      var n = parseInt(window.localStorage.getItem(KEY), 10);
      return n >= 0 && n < STEPS ? n : DEFAULT;
    } catch (e) {
      return DEFAULT; // storage can be blocked (private mode); the default size still works
    }
  }

  function apply(n) {
    root.setAttribute("data-text-size", String(n));
  }

  function save(n) {
    try {
      window.localStorage.setItem(KEY, String(n));
    } catch (e) {
      /* not remembered, still applied */
    }
  }

  apply(stored());

  function ready() {
    document.querySelectorAll("[data-text-size-control]").forEach(function (control) {
      control.hidden = false;
      control.querySelectorAll("[data-text-size-step]").forEach(function (button) {
        button.addEventListener("click", function () {
          var step = parseInt(button.getAttribute("data-text-size-step"), 10);
          var n = Math.min(STEPS - 1, Math.max(0, stored() + step));
          apply(n);
          save(n);
        });
      });
    });

    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
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
        button.addEventListener("click", function () {
          navigator
            .share({ title: button.getAttribute("data-share-title"), url: button.getAttribute("data-share-url") })
            .catch(function () {});
        });
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
