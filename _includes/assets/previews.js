// Link previews: hovering or focusing a link to a note, in a note's text or in a list of notes (mentions, tag pages,
// the overview), shows its title and first lines, fetched only then from the file of previews that holds the note's
// (see src/site-output/write-previews.ts). Escape closes it. Links work as usual without this script. It needs
// site-url.js, before it in the page, for the site's URLs.
(function () {
  "use strict";

  var PREVIEW_FILES = 256;
  var cache = {};
  var tooltip = document.createElement("div");
  tooltip.className = "apercu";
  tooltip.id = "apercu-lien";
  tooltip.setAttribute("role", "tooltip");
  tooltip.hidden = true;
  var title = document.createElement("p");
  title.className = "apercu-titre";
  var summary = document.createElement("p");
  summary.className = "apercu-resume";
  tooltip.appendChild(title);
  tooltip.appendChild(summary);
  document.body.appendChild(tooltip);

  var current = null;
  var timer = 0;

  // The same hash as previewFileOf in write-previews.ts: FNV-1a over the address, in PREVIEW_FILES files.
  function previewFileOf(pathname) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < pathname.length; i++) hash = Math.imul(hash ^ pathname.charCodeAt(i), 0x01000193);
    var file = ((hash >>> 0) % PREVIEW_FILES).toString(16);
    return (file.length < 2 ? "0" : "") + file + ".json";
  }

  function load(pathname) {
    var file = window.gardenSite.url("assets/apercus/" + previewFileOf(pathname));
    if (!cache[file]) {
      cache[file] = fetch(file, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      });
    }
    return cache[file].then(function (previews) {
      if (!Object.prototype.hasOwnProperty.call(previews, pathname)) throw new Error("no preview");
      return previews[pathname];
    });
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    tooltip.style.width = width + "px";
    tooltip.style.left = left + window.scrollX + "px";
    tooltip.style.top = box.bottom + window.scrollY + 6 + "px";
  }

  function show(link) {
    // Previews are filed by the note's address within the site, without the site's path prefix.
    var pathname = window.gardenSite.pathOf(link.href);
    if (!pathname) return;
    current = link;
    load(pathname).then(
      function (preview) {
        if (current !== link) return;
        title.textContent = preview.titre;
        summary.textContent = preview.resume;
        place(link);
        tooltip.hidden = false;
        link.setAttribute("aria-describedby", tooltip.id);
      },
      function () {
        /* No preview for this note: the link itself still works. */
      },
    );
  }

  function hide() {
    window.clearTimeout(timer);
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    tooltip.hidden = true;
  }

  function linkOf(event) {
    var target = event.target;
    return target && target.closest ? target.closest("main a.wikilink, .liste-apercus a") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var link = linkOf(event);
    if (!link || link === current) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      show(link);
    }, 250);
  });
  document.addEventListener("mouseout", function (event) {
    if (linkOf(event)) hide();
  });
  document.addEventListener("focusin", function (event) {
    var link = linkOf(event);
    if (link) show(link);
  });
  document.addEventListener("focusout", function (event) {
    if (linkOf(event)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !tooltip.hidden) hide();
  });
})();
