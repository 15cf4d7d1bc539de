// Starts Pagefind's search interface on /recherche/ and runs the query sent by the header form (?q=...).
(function () {
  "use strict";

  var container = document.getElementById("recherche");
  if (!container) return;

  // pagefind-ui.js is written by the Pagefind step of the build; the dev server has none.
  if (typeof window.PagefindUI !== "function") {
    var message = document.createElement("p");
    message.textContent =
      "La recherche n’est pas disponible pour le moment. Toutes les notes sont listées sur la page d’accueil.";
    container.appendChild(message);
    return;
  }

  var ui = new window.PagefindUI({ element: "#recherche", showSubResults: true, showImages: false });

  var query = new URLSearchParams(window.location.search).get("q");
  if (query && query.trim() !== "") {
    ui.triggerSearch(query);
  }
})();
