// The URLs of the site, for every script that builds one at run time. The site may be served under a path prefix
// (https://compte.github.io/jardin/ serves it under /jardin/): each page says which in ONE place, the `data-base`
// attribute of <html> ("/" or "/jardin/"), written by base.njk from the site's address. A script never writes
// "/assets/…" itself: it asks gardenSite.url("assets/…"), and gardenSite.pathOf(link.href) gives back the address
// of a page within the site ("/ma-note/"), as the build names it. Loaded with `defer` before the other scripts,
// so that any deferred script after it in the page can use it.
(function () {
  "use strict";

  var base = document.documentElement.getAttribute("data-base") || "/";

  window.gardenSite = {
    base: base,
    /** The URL of a file or page of the site, from its path within the site: url("assets/site.css"). */
    url: function (path) {
      return base + String(path).replace(/^\/+/, "");
    },
    /** The path within the site ("/ma-note/") of a URL of this origin under the prefix, or null for any other URL. */
    pathOf: function (href) {
      var url = new URL(href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname.indexOf(base) !== 0) return null;
      return "/" + url.pathname.slice(base.length);
    },
  };
})();
