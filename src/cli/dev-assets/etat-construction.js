// Served by `npm start` only: shows, on every page, that the last change could not be published, until it can. It
// needs _includes/assets/site-url.js, before it in the page, for the site's URLs.
(() => {
  const STATUS_URL = window.gardenSite.url(".etat-construction.json");
  let banner;

  function show(message) {
    // The dev server may patch the page in place after a rebuild, which drops the banner from it.
    if (!banner?.isConnected) {
      banner = document.createElement("div");
      banner.setAttribute("role", "alert");
      banner.className = "etat-construction";
      banner.style.cssText = "position:sticky;top:0;z-index:1000;padding:0.75em 1em;background:#7a1010;color:#fff;font-weight:bold";
      document.body.prepend(banner);
    }
    const text = `La dernière modification n'a pas pu être publiée : ${message} (voir le terminal)`;
    if (banner.textContent !== text) banner.textContent = text;
  }

  async function poll() {
    try {
      const response = await fetch(STATUS_URL, { cache: "no-store" });
      const { message } = await response.json();
      if (typeof message === "string") show(message);
      else banner?.remove();
    } catch {
      // The server is restarting: the next poll tells.
    }
  }

  poll();
  setInterval(poll, 2000);
})();
