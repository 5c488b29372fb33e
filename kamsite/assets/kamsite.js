/* kamsite: click a header of a .kam-sortable table to sort by that column.
   Numbers (with %, ×, units) sort as numbers, empty cells ("—") last. */
(function () {
  "use strict";

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

  function sort(table, index, header) {
    var body = table.tBodies[0];
    var descending = header.getAttribute("aria-sort") === "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, n) { return { row: row, n: n, k: key(row.cells[index]) }; });
    keyed.sort(function (x, y) {
      var c = compare(x.k, y.k);
      if (descending && !(x.k.empty || y.k.empty)) c = -c;
      return c || x.n - y.n;
    });
    Array.prototype.forEach.call(header.parentNode.children, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    keyed.forEach(function (item) { body.appendChild(item.row); });
  }

  function setUp() {
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

  if (typeof document$ !== "undefined") document$.subscribe(setUp);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
