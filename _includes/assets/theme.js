// Dark or light theme: follows the system (prefers-color-scheme) until the visitor chooses with the header
// button; the choice is remembered. Loaded in <head> so the page never flashes in the other theme.
(function () {
  "use strict";

  var root = document.documentElement;
  var stored = null;
  try {
    stored = window.localStorage.getItem("theme");
  } catch (error) {
    /* Storage may be off: the system theme applies. */
  }
  if (stored === "sombre" || stored === "clair") root.setAttribute("data-theme", stored);

  function isDark() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) return chosen === "sombre";
    return window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("theme-bascule");
    if (!button) return;
    function render() {
      button.setAttribute("aria-pressed", String(isDark()));
    }
    button.hidden = false;
    render();
    button.addEventListener("click", function () {
      var next = isDark() ? "clair" : "sombre";
      root.setAttribute("data-theme", next);
      try {
        window.localStorage.setItem("theme", next);
      } catch (error) {
        /* The choice then lasts for this page only. */
      }
      render();
    });
  });
})();
