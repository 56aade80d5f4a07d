// The script the report runs in the browser: embed every chart, mark the page rendered
// (document.body.dataset.rendered = '1', or 'error' with the message shown), and make the tables
// sortable by a click (or Enter) on a column heading. Plain ES2017, no imports.

export const BROWSER_SCRIPT = `
(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('report-specs').textContent);
  var options = { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } };
  var ids = Object.keys(specs);
  Promise.all(ids.map(function (id) { return vegaEmbed('#vis-' + id, specs[id], options); }))
    .then(function () { document.body.dataset.rendered = '1'; })
    .catch(function (err) {
      document.body.dataset.rendered = 'error';
      var p = document.createElement('p');
      p.className = 'error';
      p.textContent = 'A chart could not be drawn: ' + (err && err.message ? err.message : String(err));
      document.body.insertBefore(p, document.body.firstChild);
      console.error(err);
    });

  function key(cell, numeric) {
    var v = cell.getAttribute('data-v');
    if (v === null) v = cell.textContent;
    if (!numeric) return v.toLowerCase();
    return v === '' ? null : Number(v);
  }
  function sortBy(table, col, th) {
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var numeric = th.getAttribute('data-type') === 'number';
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (r, i) { return { r: r, i: i, k: key(r.cells[col], numeric) }; });
    rows.sort(function (a, b) {
      if (a.k === b.k) return a.i - b.i;
      if (a.k === null) return 1;
      if (b.k === null) return -1;
      return (a.k < b.k ? -1 : 1) * (ascending ? 1 : -1);
    });
    rows.forEach(function (x) { body.appendChild(x.r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      var button = th.querySelector('button');
      if (button) button.addEventListener('click', function () { sortBy(table, col, th); });
    });
  });
})();
`;
