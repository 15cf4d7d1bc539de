// The garden's navigation: remembers across pages which of its sections the reader opened or closed, and opens the
// ones around the current page. Every section works as a plain <details> without this script.
(function () {
  "use strict";

  var KEY = "navigation-ouverte";
  var nav = document.querySelector(".navigation-jardin");
  if (!nav) return;
  var state = {};
  try {
    state = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {};
  } catch (error) {
    /* Storage off or unreadable: the sections keep their default state. */
  }
  var sections = nav.querySelectorAll("details[data-nav]");
  Array.prototype.forEach.call(sections, function (details) {
    var name = details.getAttribute("data-nav");
    if (Object.prototype.hasOwnProperty.call(state, name)) details.open = state[name] === true;
  });
  var current = nav.querySelector('a[aria-current="page"]');
  for (var parent = current && current.parentElement; parent && parent !== nav; parent = parent.parentElement) {
    if (parent.tagName === "DETAILS") parent.open = true;
  }
  Array.prototype.forEach.call(sections, function (details) {
    details.addEventListener("toggle", function () {
      state[details.getAttribute("data-nav")] = details.open;
      try {
        window.localStorage.setItem(KEY, JSON.stringify(state));
      } catch (error) {
        /* The choice then lasts for this page only. */
      }
    });
  });
})();
