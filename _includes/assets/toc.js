// Table of contents: marks the section being read with aria-current="location". The contents are plain links
// without this script.
(function () {
  "use strict";

  if (!("IntersectionObserver" in window)) return;
  var links = document.querySelectorAll(".toc a[href^='#']");
  var byId = {};
  var headings = [];
  Array.prototype.forEach.call(links, function (link) {
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    var heading = document.getElementById(id);
    if (!heading) return;
    byId[id] = link;
    headings.push(heading);
  });
  var visible = {};

  function mark() {
    // The first heading in view, else the last one scrolled past.
    var chosen = null;
    for (var i = 0; i < headings.length; i++) {
      if (visible[headings[i].id]) {
        chosen = headings[i];
        break;
      }
      if (headings[i].getBoundingClientRect().top < 0) chosen = headings[i];
    }
    Array.prototype.forEach.call(links, function (link) {
      link.removeAttribute("aria-current");
    });
    if (chosen) byId[chosen.id].setAttribute("aria-current", "location");
  }

  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      visible[entry.target.id] = entry.isIntersecting;
    });
    mark();
  });
  headings.forEach(function (heading) {
    observer.observe(heading);
  });
})();
