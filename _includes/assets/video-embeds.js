// Click-to-load videos: the build replaces each YouTube iframe with a placeholder (src/markdown/video-embeds.ts);
// nothing is requested from YouTube until the visitor presses "Charger la vidéo".
(function () {
  "use strict";

  // The only player host the Content-Security-Policy (frame-src) lets in.
  var PLAYER = "https://www.youtube-nocookie.com/embed/";

  function load(placeholder, button) {
    var src = placeholder.getAttribute("data-video-src") || "";
    if (src.indexOf(PLAYER) !== 0) return;
    var caption = placeholder.querySelector(".video-embed-title");
    var frame = document.createElement("iframe");
    frame.className = "video-embed-frame";
    frame.title = (caption && caption.textContent.trim()) || "Vidéo";
    frame.setAttribute("allow", "encrypted-media; picture-in-picture; fullscreen");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.src = src;
    placeholder.classList.add("video-embed-loaded");
    // The button goes away: focus follows into the player instead of falling back to the top of the page.
    button.replaceWith(frame);
    frame.focus();
  }

  var placeholders = document.querySelectorAll(".video-embed[data-video-src]");
  Array.prototype.forEach.call(placeholders, function (placeholder) {
    var button = placeholder.querySelector(".video-embed-load");
    if (!button) return;
    button.addEventListener("click", function () {
      load(placeholder, button);
    });
  });
})();
