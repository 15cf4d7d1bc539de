// The search dialog, on every page: "/" (outside a field) or Ctrl+K / Cmd+K opens it. Results come as the visitor
// types, from the same index as /recherche/ (search-query.js); the arrow keys move through them, Enter opens one,
// Escape closes the dialog and gives the focus back. Without this script the header form still leads to /recherche/.
(function () {
  "use strict";

  var search = window.gardenSearch;
  if (!search || typeof HTMLDialogElement !== "function") return;

  var RESULTS = 8;
  var DEBOUNCE_MS = 200;

  var dialog = document.createElement("dialog");
  dialog.className = "recherche-rapide";
  dialog.setAttribute("aria-labelledby", "recherche-rapide-titre");
  dialog.innerHTML =
    '<form class="recherche-rapide-formulaire" role="search" method="get">' +
    '<h2 id="recherche-rapide-titre" class="recherche-rapide-titre">Recherche rapide</h2>' +
    '<label for="recherche-rapide-q">Mots \u00e0 chercher</label>' +
    '<input type="search" id="recherche-rapide-q" name="q" autocomplete="off" aria-describedby="recherche-rapide-aide">' +
    '<p id="recherche-rapide-aide" class="recherche-rapide-aide">Fl\u00e8ches haut et bas\u00a0: parcourir les r\u00e9sultats\u00a0; Entr\u00e9e\u00a0: ouvrir\u00a0; \u00c9chap\u00a0: fermer.</p>' +
    "</form>" +
    '<p class="recherche-rapide-etat" role="status" aria-live="polite"></p>' +
    '<div class="recherche-rapide-absents"></div>' +
    '<ol class="recherche-rapide-resultats" aria-label="R\u00e9sultats"></ol>' +
    '<button type="button" class="recherche-rapide-fermer">Fermer</button>';
  document.body.appendChild(dialog);

  var form = dialog.querySelector("form");
  form.action = window.gardenSite.url("recherche/");
  var input = dialog.querySelector("input");
  var status = dialog.querySelector(".recherche-rapide-etat");
  var absent = dialog.querySelector(".recherche-rapide-absents");
  var list = dialog.querySelector(".recherche-rapide-resultats");
  var opener = null;
  var timer = 0;
  // Only the answer to the latest query is shown: an earlier one may come back later.
  var latest = 0;

  function open() {
    if (dialog.open) return;
    opener = document.activeElement;
    dialog.showModal();
    input.focus();
    input.select();
  }

  dialog.addEventListener("close", function () {
    window.clearTimeout(timer);
    if (opener && typeof opener.focus === "function") opener.focus();
  });
  dialog.querySelector(".recherche-rapide-fermer").addEventListener("click", function () {
    dialog.close();
  });
  // A click on the backdrop, outside the dialog's box, closes it.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });

  function isTypingIn(element) {
    if (!element) return false;
    var tag = element.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || element.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    var shortcut = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k";
    var slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingIn(event.target);
    if ((shortcut || slash) && !dialog.open) {
      event.preventDefault();
      open();
    }
  });

  function results() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  dialog.addEventListener("keydown", function (event) {
    // In a search field, Escape would first only empty it.
    if (event.key === "Escape") {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = results();
    if (links.length === 0) return;
    event.preventDefault();
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown") (at === -1 ? links[0] : links[Math.min(at + 1, links.length - 1)]).focus();
    else if (at <= 0) input.focus();
    else links[at - 1].focus();
  });

  // Enter in the field opens the first result, when there is one; else the form goes to /recherche/.
  form.addEventListener("submit", function (event) {
    var first = results()[0];
    if (!first) return;
    event.preventDefault();
    window.location.href = first.href;
  });

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      run(input.value, true);
    }, DEBOUNCE_MS);
  });

  function rerun(query) {
    input.value = query;
    input.focus();
    run(query, false);
  }

  function run(query, typing) {
    var turn = ++latest;
    list.textContent = "";
    absent.textContent = "";
    if (query.trim() === "") {
      status.textContent = "";
      return;
    }
    Promise.all([search.loadVocabulary(), search.pagefind()]).then(function (loaded) {
      if (turn !== latest) return;
      var pagefind = loaded[1];
      if (!pagefind) {
        status.textContent = "La recherche n\u2019est pas disponible pour le moment.";
        return;
      }
      var checked = search.checkAgainst(loaded[0], query, typing);
      if (checked.missing.length > 0) {
        status.textContent = "Aucun r\u00e9sultat pour \u00ab\u00a0" + query.trim() + "\u00a0\u00bb.";
        search.showMissing(absent, checked, rerun);
        return;
      }
      return pagefind
        .search(search.fold(query))
        .then(function (found) {
          return Promise.all(
            found.results.slice(0, RESULTS).map(function (result) {
              return result.data();
            }),
          );
        })
        .then(function (pages) {
          if (turn !== latest) return;
          show(query, pages.map(search.restoreWords));
        });
    });
  }

  function show(query, pages) {
    status.textContent =
      pages.length === 0
        ? "Aucun r\u00e9sultat pour \u00ab\u00a0" + query.trim() + "\u00a0\u00bb."
        : pages.length + (pages.length > 1 ? " r\u00e9sultats" : " r\u00e9sultat") + " pour \u00ab\u00a0" + query.trim() + "\u00a0\u00bb.";
    pages.forEach(function (page) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = page.url;
      link.className = "recherche-rapide-lien";
      var title = document.createElement("span");
      title.className = "recherche-rapide-titre-note";
      title.textContent = page.meta.title || page.url;
      var excerpt = document.createElement("span");
      excerpt.className = "recherche-rapide-extrait";
      search.appendExcerpt(excerpt, page.excerpt);
      link.appendChild(title);
      link.appendChild(excerpt);
      item.appendChild(link);
      list.appendChild(item);
    });
  }
})();
