/* kamsite: sortable tables and print sizes of the inline graphs.
   Click a header of a .kam-sortable table to sort by that column: numbers (with %, ×,
   units) sort as numbers, empty cells ("—") last, and a notes row (.kam-detail) stays
   under the row it belongs to. */
(function () {
  "use strict";

  // Printed graph labels stay >= 8 px (at natural size they are >= 11 px).
  var PRINT_LABEL = 8;
  // Printable width and height in CSS px of A4 at the margins kamsite.css sets (12 mm, 10 mm),
  // less room for the section heading printed above a graph.
  var PORTRAIT = { width: 703, height: 1032 - 96 };
  var LANDSCAPE = { width: 1047, height: 718 - 96 };

  function key(cell) {
    var text = (cell ? cell.textContent : "").trim();
    if (text === "" || text === "—") return { empty: true, num: NaN, text: "" };
    var match = text.replace(/,/g, "").match(/^-?\d+(\.\d+)?/);
    return { empty: false, num: match ? parseFloat(match[0]) : NaN, text: text };
  }

  function compare(a, b) {
    if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? 1 : -1;
    if (!isNaN(a.num) && !isNaN(b.num)) return a.num - b.num;
    return a.text.localeCompare(b.text);
  }

  function groups(body) {
    var found = [];
    Array.prototype.forEach.call(body.rows, function (row) {
      if (row.classList.contains("kam-detail") && found.length) found[found.length - 1].rows.push(row);
      else found.push({ rows: [row] });
    });
    return found;
  }

  function sort(table, index, header) {
    var body = table.tBodies[0];
    var descending = header.getAttribute("aria-sort") === "ascending";
    var keyed = groups(body).map(function (group, n) {
      return { rows: group.rows, n: n, k: key(group.rows[0].cells[index]) };
    });
    keyed.sort(function (x, y) {
      var c = compare(x.k, y.k);
      if (descending && !(x.k.empty || y.k.empty)) c = -c;
      return c || x.n - y.n;
    });
    Array.prototype.forEach.call(header.parentNode.children, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    keyed.forEach(function (item) { item.rows.forEach(function (row) { body.appendChild(row); }); });
  }

  function sortable() {
    document.querySelectorAll("table.kam-sortable").forEach(function (table) {
      if (table.dataset.kamSortable) return;
      table.dataset.kamSortable = "1";
      var headers = table.tHead ? table.tHead.rows[0].cells : [];
      Array.prototype.forEach.call(headers, function (th, index) {
        th.tabIndex = 0;
        th.addEventListener("click", function () { sort(table, index, th); });
        th.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(table, index, th); }
        });
      });
    });
  }

  /* Printing a graph: its natural width, narrowed to the page width (and to the page height
     when that keeps its labels >= 8 px) but never below that floor; on a landscape page of its
     own when the floor is too wide for portrait. A graph still taller than a page prints as
     page-high bands of itself, cut between nodes, since Chromium would slice it anywhere. */

  function smallestLabel(svg, natural) {
    var box = svg.viewBox.baseVal;
    var scale = box && box.width ? natural / box.width : 1;
    var sizes = Array.prototype.map.call(svg.querySelectorAll("text[font-size]"), function (text) {
      return parseFloat(text.getAttribute("font-size"));
    }).filter(function (size) { return size > 0; });
    return sizes.length ? Math.min.apply(null, sizes) * scale : 11;
  }

  // Vertical extents of the nodes and labels in viewBox units, from where the screen shows them.
  function nodeSpans(svg, box) {
    var frame = svg.getBoundingClientRect();
    if (!frame.height) return [];
    var unit = box.height / frame.height;
    return Array.prototype.map.call(svg.querySelectorAll("g.node, text"), function (node) {
      var r = node.getBoundingClientRect();
      return [box.y + (r.top - frame.top) * unit, box.y + (r.bottom - frame.top) * unit];
    });
  }

  // The lowest cut in the lower half of (from, to] that runs through no node or label, else `to`.
  function cutBetween(spans, from, to) {
    var y = to;
    for (var moved = true; moved; ) {
      moved = false;
      spans.forEach(function (span) {
        if (span[0] < y && y < span[1]) { y = span[0] - 1; moved = true; }
      });
    }
    return y > (from + to) / 2 ? y : to;
  }

  function band(svg, box, top, bottom, scale) {
    var part = svg.cloneNode(true);
    Array.prototype.forEach.call(part.querySelectorAll("[id]"), function (e) { e.removeAttribute("id"); });
    part.setAttribute("viewBox", [box.x, top, box.width, bottom - top].join(" "));
    part.setAttribute("width", Math.round(box.width * scale));
    part.setAttribute("height", Math.round((bottom - top) * scale));
    part.style.removeProperty("--kam-print-width");
    part.classList.add("kam-graph__band");
    return part;
  }

  function bands(svg, width, page) {
    var box = svg.viewBox.baseVal;
    if (!box || !box.height) return;
    var scale = width / box.width;
    var high = page.height / scale;
    var spans = nodeSpans(svg, box);
    var end = box.y + box.height;
    for (var top = box.y; top < end - 1; ) {
      var bottom = top + high >= end ? end : cutBetween(spans, top, top + high);
      svg.parentNode.appendChild(band(svg, box, top, bottom, scale));
      top = bottom;
    }
    svg.parentNode.classList.add("kam-graph--banded");
  }

  // Graphs taller than a page, banded when printing starts: on screen they stay one picture.
  var tallGraphs = [];

  function bandTallGraphs() {
    tallGraphs.splice(0).forEach(function (item) { bands(item[0], item[1], item[2]); });
  }

  function printSizes() {
    tallGraphs = [];
    document.querySelectorAll(".kam-graph > svg:not(.kam-graph__band)").forEach(function (svg) {
      var natural = svg.width && svg.width.baseVal ? svg.width.baseVal.value : 0;
      var tall = svg.height && svg.height.baseVal ? svg.height.baseVal.value : 0;
      if (!natural || !tall || svg.parentNode.classList.contains("kam-graph--banded")) return;
      var floor = Math.min(natural, (natural * PRINT_LABEL) / smallestLabel(svg, natural));
      var wide = floor > PORTRAIT.width;
      var page = wide ? LANDSCAPE : PORTRAIT;
      var width = Math.max(Math.min(natural, page.width), floor);
      var onePage = (natural * page.height) / tall;
      if (onePage < width && onePage >= floor) width = onePage;
      svg.parentNode.classList.toggle("kam-graph--wide", wide);
      svg.style.setProperty("--kam-print-width", Math.round(width) + "px");
      if ((tall * width) / natural > page.height) tallGraphs.push([svg, width, page]);
    });
  }

  var printMedia = window.matchMedia("print");
  printMedia.addEventListener("change", function (event) { if (event.matches) bandTallGraphs(); });
  window.addEventListener("beforeprint", bandTallGraphs);

  function setUp() {
    sortable();
    printSizes();
    if (printMedia.matches) bandTallGraphs();
  }

  if (typeof document$ !== "undefined") document$.subscribe(setUp);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
