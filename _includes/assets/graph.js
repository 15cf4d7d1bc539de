// The global graph, with JavaScript: zoom (wheel, buttons, + and - keys), pan (drag, arrow keys) and, on hover or
// focus, a note's neighbours and links brought forward. Without it the page shows the same drawing, whole.
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var MAX_ZOOM = 8;
  /** Pixels a pointer must move before a press on a node becomes a drag rather than a click. */
  var DRAG_THRESHOLD = 4;

  document.addEventListener("DOMContentLoaded", function () {
    var figure = document.querySelector(".graphe-global");
    var svg = figure && figure.querySelector("svg.graphe");
    var controls = document.getElementById("graphe-commandes");
    if (!svg || !controls) return;
    var full = { x: 0, y: 0, w: svg.viewBox.baseVal.width, h: svg.viewBox.baseVal.height };
    var view = { x: full.x, y: full.y, w: full.w, h: full.h };

    function render() {
      svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (n) { return Math.round(n * 10) / 10; }).join(" "));
    }

    /** Keeps the view over the drawing. */
    function clamp() {
      view.x = Math.min(Math.max(view.x, full.x), full.x + full.w - view.w);
      view.y = Math.min(Math.max(view.y, full.y), full.y + full.h - view.h);
    }

    /** Zooms by `factor` (above 1: closer) around (cx, cy) in the drawing's units, its centre by default. */
    function zoom(factor, cx, cy) {
      var w = Math.min(full.w, Math.max(full.w / MAX_ZOOM, view.w / factor));
      var scale = w / view.w;
      if (cx === undefined) {
        cx = view.x + view.w / 2;
        cy = view.y + view.h / 2;
      }
      view.x = cx - (cx - view.x) * scale;
      view.y = cy - (cy - view.y) * scale;
      view.w = w;
      view.h = (w * full.h) / full.w;
      clamp();
      render();
    }

    function pan(dx, dy) {
      view.x += dx;
      view.y += dy;
      clamp();
      render();
    }

    function reset() {
      view = { x: full.x, y: full.y, w: full.w, h: full.h };
      render();
    }

    /** The drawing's units per screen pixel. */
    function unitsPerPixel() {
      return view.w / svg.getBoundingClientRect().width;
    }

    function pointAt(event) {
      var box = svg.getBoundingClientRect();
      return { x: view.x + (event.clientX - box.left) * unitsPerPixel(), y: view.y + (event.clientY - box.top) * unitsPerPixel() };
    }

    controls.hidden = false;
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-zoom]");
      if (!button) return;
      var factor = Number(button.getAttribute("data-zoom"));
      if (factor > 0) zoom(factor);
      else reset();
    });

    svg.addEventListener(
      "wheel",
      function (event) {
        event.preventDefault();
        var at = pointAt(event);
        zoom(event.deltaY < 0 ? 1.25 : 0.8, at.x, at.y);
      },
      { passive: false },
    );

    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      drag = { x: event.clientX, y: event.clientY, moved: false, id: event.pointerId };
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag || drag.id !== event.pointerId) return;
      var dx = event.clientX - drag.x;
      var dy = event.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < DRAG_THRESHOLD) return;
      if (!drag.moved) {
        drag.moved = true;
        svg.setPointerCapture(event.pointerId);
        svg.classList.add("graphe-glisse");
      }
      pan(-dx * unitsPerPixel(), -dy * unitsPerPixel());
      drag.x = event.clientX;
      drag.y = event.clientY;
    });
    function endDrag() {
      svg.classList.remove("graphe-glisse");
      // A drag that started on a node must not follow its link when the button is released.
      if (drag && drag.moved) svg.addEventListener("click", function (event) { event.preventDefault(); }, { capture: true, once: true });
      drag = null;
    }
    svg.addEventListener("pointerup", endDrag);
    svg.addEventListener("pointercancel", function () {
      svg.classList.remove("graphe-glisse");
      drag = null;
    });

    var KEYS = {
      ArrowLeft: function () { pan(-view.w / 10, 0); },
      ArrowRight: function () { pan(view.w / 10, 0); },
      ArrowUp: function () { pan(0, -view.h / 10); },
      ArrowDown: function () { pan(0, view.h / 10); },
      "+": function () { zoom(1.5); },
      "=": function () { zoom(1.5); },
      "-": function () { zoom(1 / 1.5); },
      0: reset,
    };
    function onKey(event) {
      var action = KEYS[event.key];
      if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      action();
    }
    figure.addEventListener("keydown", onKey);
    controls.addEventListener("keydown", function (event) {
      if (event.key.indexOf("Arrow") === 0) onKey(event);
    });

    var nodes = Array.prototype.slice.call(svg.querySelectorAll(".graphe-noeud"));
    var edges = svg.querySelector(".graphe-liens");
    var near = document.createElementNS(SVG_NS, "path");
    near.setAttribute("class", "graphe-liens-proches");
    near.setAttribute("aria-hidden", "true");
    // Under the nodes, like every edge.
    svg.insertBefore(near, edges ? edges.nextSibling : svg.firstChild);

    function centreOf(node) {
      var circle = node.querySelector("circle");
      return circle.getAttribute("cx") + " " + circle.getAttribute("cy");
    }

    function neighboursOf(node) {
      var list = node.getAttribute("data-voisins");
      return list ? list.split(" ").map(function (i) { return nodes[Number(i)]; }) : [];
    }

    function highlight(node) {
      clear();
      var around = neighboursOf(node);
      svg.classList.add("graphe-survol");
      node.classList.add("graphe-proche");
      near.setAttribute(
        "d",
        around
          .map(function (other) {
            other.classList.add("graphe-proche");
            return "M" + centreOf(node) + "L" + centreOf(other);
          })
          .join(""),
      );
    }

    function clear() {
      svg.classList.remove("graphe-survol");
      nodes.forEach(function (node) { node.classList.remove("graphe-proche"); });
      near.setAttribute("d", "");
    }

    /** Brings a node reached by the keyboard into the view. */
    function reveal(node) {
      var circle = node.querySelector("circle");
      var x = Number(circle.getAttribute("cx"));
      var y = Number(circle.getAttribute("cy"));
      if (x >= view.x && x <= view.x + view.w && y >= view.y && y <= view.y + view.h) return;
      pan(x - (view.x + view.w / 2), y - (view.y + view.h / 2));
    }

    nodes.forEach(function (node) {
      node.addEventListener("pointerenter", function () { if (!drag) highlight(node); });
      node.addEventListener("pointerleave", clear);
      node.addEventListener("focus", function () {
        reveal(node);
        highlight(node);
      });
      node.addEventListener("blur", clear);
    });
  });
})();
