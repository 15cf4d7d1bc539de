// What /recherche/ (search.js) and the search dialog (search-dialog.js) share: reading a query as the index reads
// its text, telling words no note contains from those it does (pagefind/mots.json, written by
// src/search-index/indexed-words.ts) with close words to suggest instead, and showing excerpts as the notes write them.
// It needs site-url.js, before it in the page, for the site's URLs.
(function () {
  "use strict";

  // The index holds French text folded for search ("d'Orsay", "oeuvres", see src/search-index/french-folding.ts).
  var folds = { "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u0153": "oe", "\u0152": "Oe", "\u00e6": "ae", "\u00c6": "Ae" };
  function fold(text) {
    return text.replace(/[\u2019\u2018\u02bc\u0153\u0152\u00e6\u00c6]/g, function (ch) {
      return folds[ch];
    });
  }

  // As searchKey in src/search-index/indexed-words.ts: no case, no accents, ligatures spelt out.
  function searchKey(word) {
    return fold(word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());
  }

  // "musées" and "musée", "photographies" and "photographie": one word for the check, as Pagefind's stemming has it.
  function lightStem(key) {
    return key.replace(/[sx]$/, "").replace(/e$/, "");
  }

  var PREFIX_FROM = 3;
  var SUGGESTIONS = 3;

  var vocabulary = null;
  function loadVocabulary() {
    if (!vocabulary) {
      vocabulary = fetch(window.gardenSite.url("pagefind/mots.json"))
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .catch(function () {
          return null;
        })
        .then(function (written) {
          if (!Array.isArray(written)) return null;
          var keys = written.map(searchKey);
          return { written: written, keys: keys, exact: new Set(keys), stems: new Set(keys.map(lightStem)) };
        });
    }
    return vocabulary;
  }

  // The words of a query, where the query writes them.
  function wordsOf(query) {
    var words = [];
    var pattern = /[\p{L}\p{N}]+/gu;
    var folded = fold(query);
    var found;
    while ((found = pattern.exec(folded)) !== null) words.push({ text: found[0], index: found.index, key: searchKey(found[0]) });
    return words;
  }

  function isKnown(words, word, prefix) {
    if (words.exact.has(word.key) || words.stems.has(lightStem(word.key))) return true;
    if (!prefix || word.key.length < PREFIX_FROM) return false;
    return words.keys.some(function (key) {
      return key.length > word.key.length && key.lastIndexOf(word.key, 0) === 0;
    });
  }

  // Levenshtein distance between a and b, or Infinity as soon as it is over max: one row at a time.
  function distanceUpTo(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return Infinity;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var rowMin = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        current.push(Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost));
        if (current[k] < rowMin) rowMin = current[k];
      }
      if (rowMin > max) return Infinity;
      previous = current;
    }
    return previous[b.length] <= max ? previous[b.length] : Infinity;
  }

  // A word of the same family starts with the query word but for an ending of up to five letters, and at least four
  // ("exposer" and "expositions"): the words Pagefind's French stemming would have found, offered when no word is a
  // typo away.
  var FAMILY_ENDING = 5;
  var FAMILY_FROM = 4;
  function sameFamily(key, other) {
    var start = key.slice(0, Math.max(FAMILY_FROM, key.length - FAMILY_ENDING));
    return key.length > FAMILY_FROM && other.lastIndexOf(start, 0) === 0;
  }

  // Up to SUGGESTIONS indexed words close to `word`: a typo away, the closest first, then of the same family; the
  // most used in the notes first.
  function closeWords(words, word) {
    var max = word.key.length <= 4 ? 1 : 2;
    var close = [];
    for (var i = 0; i < words.keys.length; i++) {
      var distance = distanceUpTo(word.key, words.keys[i], max);
      if (distance !== Infinity) close.push({ distance: distance, rank: i });
      else if (sameFamily(word.key, words.keys[i])) close.push({ distance: max + 1, rank: i });
    }
    close.sort(function (x, y) {
      return x.distance - y.distance || x.rank - y.rank;
    });
    return close.slice(0, SUGGESTIONS).map(function (c) {
      return words.written[c.rank];
    });
  }

  /**
   * Checks `query` against the words of the notes (`words`, from loadVocabulary). While `typing`, its last word may
   * be the start of a word, from PREFIX_FROM letters. Gives the words no note contains (as typed) and suggestions:
   * queries where one of them is replaced by a close word. Without the list (the dev server has no index), every
   * word passes.
   */
  function checkAgainst(words, query, typing) {
    var result = { missing: [], suggestions: [] };
    if (!words) return result;
    var queryWords = wordsOf(query);
    var folded = fold(query);
    queryWords.forEach(function (word, i) {
      if (isKnown(words, word, typing && i === queryWords.length - 1)) return;
      result.missing.push(word.text);
      closeWords(words, word).forEach(function (close) {
        if (result.suggestions.length >= SUGGESTIONS) return;
        var replaced = folded.slice(0, word.index) + close + folded.slice(word.index + word.text.length);
        result.suggestions.push({ word: close, query: replaced.trim() });
      });
    });
    return result;
  }

  // Which words no note contains, with the suggestions as links that run the search again.
  function showMissing(container, checked, onPick) {
    container.textContent = "";
    var message = document.createElement("p");
    message.className = "recherche-absents";
    var words = checked.missing.map(function (w) {
      return "\u00ab\u00a0" + w + "\u00a0\u00bb";
    });
    message.textContent = "Aucune note ne contient " + (words.length > 1 ? "les mots " : "") + words.join(", ") + ".";
    container.appendChild(message);
    if (checked.suggestions.length === 0) return;
    var intro = document.createElement("p");
    intro.className = "recherche-suggestions-titre";
    intro.textContent = "Vouliez-vous dire\u00a0?";
    var list = document.createElement("ul");
    list.className = "recherche-suggestions";
    checked.suggestions.forEach(function (suggestion) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = window.gardenSite.url("recherche/?q=" + encodeURIComponent(suggestion.query));
      link.textContent = suggestion.word;
      if (onPick) {
        link.addEventListener("click", function (event) {
          event.preventDefault();
          onPick(suggestion.query);
        });
      }
      item.appendChild(link);
      list.appendChild(item);
    });
    container.appendChild(intro);
    container.appendChild(list);
  }

  // Each page lists the words folding changed in its "graphies" metadata: excerpts show them as the note writes them.
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

  // An excerpt from Pagefind is HTML with <mark> around the words found: only its text and those marks are kept.
  function appendExcerpt(element, html) {
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  var engine = null;
  // Pagefind's search API, written by the build; null where there is none (the dev server).
  function pagefind() {
    if (!engine) {
      engine = import(window.gardenSite.url("pagefind/pagefind.js")).then(
        function (module) {
          // Under the site's path prefix, the results' addresses too.
          return module
            .options({ baseUrl: window.gardenSite.base })
            .then(function () {
              return module.init();
            })
            .then(function () {
              return module;
            });
        },
        function () {
          return null;
        },
      );
    }
    return engine;
  }

  window.gardenSearch = {
    fold: fold,
    checkAgainst: checkAgainst,
    showMissing: showMissing,
    restoreWords: restoreWords,
    appendExcerpt: appendExcerpt,
    pagefind: pagefind,
    loadVocabulary: loadVocabulary,
  };
})();
