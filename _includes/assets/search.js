// Starts Pagefind's search interface on /recherche/ and runs the query sent by the header form (?q=...). A query
// word that no note contains finds nothing, with close words suggested (search-query.js), rather than the notes
// Pagefind would find by the word's first letters. It needs site-url.js and search-query.js, before it in the page.
(function () {
  "use strict";

  var container = document.getElementById("recherche");
  var absent = document.getElementById("recherche-mots-absents");
  if (!container || !absent || !window.gardenSearch) return;
  var search = window.gardenSearch;

  // pagefind-ui.js is written by the Pagefind step of the build; the dev server has none.
  if (typeof window.PagefindUI !== "function") {
    var message = document.createElement("p");
    message.textContent =
      "La recherche n\u2019est pas disponible pour le moment. Toutes les notes sont list\u00e9es sur la page \u00ab\u00a0Toutes les notes\u00a0\u00bb.";
    container.appendChild(message);
    return;
  }

  // The query from the address is made of whole words; once the visitor types, the last word may be a start.
  var typing = false;
  container.addEventListener("input", function () {
    typing = true;
  });

  search.loadVocabulary().then(function (words) {
    var ui = new window.PagefindUI({
      element: "#recherche",
      // Under the site's path prefix: the index and the addresses of the results.
      bundlePath: window.gardenSite.url("pagefind/"),
      baseUrl: window.gardenSite.base,
      showSubResults: true,
      showImages: false,
      processResult: search.restoreWords,
      // Called as Pagefind is about to search: a query with a word no note contains searches for nothing.
      processTerm: function (term) {
        var checked = search.checkAgainst(words, term, typing);
        absent.textContent = "";
        if (checked.missing.length === 0) return search.fold(term);
        search.showMissing(absent, checked);
        return "";
      },
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query && query.trim() !== "") ui.triggerSearch(query);
  });
})();
