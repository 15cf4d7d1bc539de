// Starts Pagefind's search interface on /recherche/ and runs the query sent by the header form (?q=...). It needs
// site-url.js, before it in the page, for the site's URLs.
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

  // The index holds French text folded for search ("d'Orsay", "oeuvres"); each page lists the words folding
  // changed in its "graphies" metadata, so excerpts show them again as the note writes them ("d’Orsay", "œuvres").
  var folds = { "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u0153": "oe", "\u0152": "Oe", "\u00e6": "ae", "\u00c6": "Ae" };
  function fold(word) {
    return word.replace(/[\u2019\u2018\u02bc\u0153\u0152\u00e6\u00c6]/g, function (ch) {
      return folds[ch];
    });
  }
  function restoreWords(result) {
    var written = {};
    (result.meta.graphies || "").split(" ").forEach(function (word) {
      if (word) written[fold(word)] = word;
    });
    delete result.meta.graphies;
    function restore(html) {
      return html.replace(/[\p{L}\p{N}'-]+/gu, function (word) {
        return Object.prototype.hasOwnProperty.call(written, word) ? written[word] : word;
      });
    }
    result.excerpt = restore(result.excerpt);
    (result.sub_results || []).forEach(function (sub) {
      sub.excerpt = restore(sub.excerpt);
      sub.title = restore(sub.title);
    });
    return result;
  }

  var ui = new window.PagefindUI({
    element: "#recherche",
    // Under the site's path prefix: the index and the addresses of the results.
    bundlePath: window.gardenSite.url("pagefind/"),
    baseUrl: window.gardenSite.base,
    showSubResults: true,
    showImages: false,
    processResult: restoreWords,
  });

  var query = new URLSearchParams(window.location.search).get("q");
  if (query && query.trim() !== "") {
    ui.triggerSearch(query);
  }
})();
