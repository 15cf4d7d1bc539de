// Table of contents: marks with aria-current="location" the section being read, the last one whose heading has
// passed the top third of the window (the last one of all at the end of the page). The contents are plain links
// without this script.
(function () {
  "use strict";

  if (!("IntersectionObserver" in window)) return;
  var links = document.querySelectorAll(".toc a[href^='#']");
  var byId = {};
  var headings = [];
  Array.prototype.forEach.call(links, function (link) {
    var heading = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (!heading) return;
    byId[heading.id] = link;
    headings.push(heading);
  });
  if (headings.length === 0) return;

  function mark() {
    var line = window.innerHeight / 3;
    var atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    var chosen = atEnd ? headings[headings.length - 1] : null;
    for (var i = 0; !atEnd && i < headings.length && headings[i].getBoundingClientRect().top <= line; i++) chosen = headings[i];
    Array.prototype.forEach.call(links, function (link) {
      if (chosen && link === byId[chosen.id]) link.setAttribute("aria-current", "location");
      else link.removeAttribute("aria-current");
    });
  }

  // Called when a heading crosses the top third of the window, and at the end of the page.
  var observer = new IntersectionObserver(mark, { rootMargin: "0px 0px -66% 0px" });
  headings.forEach(function (heading) {
    observer.observe(heading);
  });
  var end = document.createElement("div");
  end.setAttribute("aria-hidden", "true");
  document.querySelector("main").appendChild(end);
  new IntersectionObserver(mark).observe(end);
})();
