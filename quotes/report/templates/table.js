(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("table-data").textContent);
  var columns = data.columns, rows = data.rows, step = data.page;
  var table = document.getElementById("table");
  var search = document.getElementById("search");
  var status = document.getElementById("status");
  var more = document.getElementById("more");
  var visible = [];
  columns.forEach(function (c, i) { if (!c.hidden) { visible.push(i); } });
  var haystack = rows.map(function (row) {
    return visible.map(function (i) { return row[i] === null ? "" : String(row[i]); }).join("\u0001").toLowerCase();
  });
  var order = rows.map(function (_, i) { return i; });
  var shown = order, limit = step, sortColumn = -1, sortDirection = 1;
  var collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

  function format(column, value) {
    if (value === null || value === undefined || value === "") { return "–"; }
    if (column.signed && typeof value === "number") {
      var text = (Math.round(value * 100) / 100 + 0).toFixed(2);
      return value >= -0.005 ? "+" + text.replace("-", "") : text;
    }
    return String(value);
  }

  function cell(row, i) {
    var column = columns[i], td = document.createElement("td");
    var text = format(column, row[i]);
    var classes = [];
    if (column.sort === "num") { classes.push("n"); }
    if (column.wide) { classes.push("wide"); }
    if (column.short) { classes.push("short"); }
    td.className = classes.join(" ");
    var href = column.link === null ? null : row[column.link];
    if (href) {
      var a = document.createElement("a");
      a.setAttribute("href", href);
      if (/^https?:/.test(href)) { a.setAttribute("rel", "noopener noreferrer nofollow"); }
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    return td;
  }

  function render() {
    var body = document.createElement("tbody");
    shown.slice(0, limit).forEach(function (r) {
      var tr = document.createElement("tr");
      visible.forEach(function (i) { tr.appendChild(cell(rows[r], i)); });
      body.appendChild(tr);
    });
    table.replaceChild(body, table.tBodies[0]);
    var total = rows.length, matching = shown.length, listed = Math.min(limit, matching);
    status.textContent = (matching === total ? total.toLocaleString("en") + " rows"
      : matching.toLocaleString("en") + " of " + total.toLocaleString("en") + " rows match")
      + (listed < matching ? "; showing the first " + listed.toLocaleString("en") : "");
    more.hidden = listed >= matching;
  }

  function compare(a, b) {
    var x = rows[a][sortColumn], y = rows[b][sortColumn];
    var xEmpty = x === null || x === "", yEmpty = y === null || y === "";
    if (xEmpty || yEmpty) { return xEmpty === yEmpty ? a - b : (xEmpty ? 1 : -1); }
    var result = columns[sortColumn].sort === "num" ? x - y
      : collator.compare(String(x), String(y));
    return result === 0 ? a - b : result * sortDirection;
  }

  function update() {
    var terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    shown = order.filter(function (r) {
      return terms.every(function (t) { return haystack[r].indexOf(t) >= 0; });
    });
    if (sortColumn >= 0) { shown.sort(compare); }
    limit = step;
    render();
  }

  var head = document.createElement("tr");
  visible.forEach(function (i) {
    var th = document.createElement("th"), button = document.createElement("button");
    if (columns[i].sort === "num") { th.className = "n"; }
    button.type = "button";
    button.textContent = columns[i].label;
    button.addEventListener("click", function () {
      sortDirection = sortColumn === i ? -sortDirection : (columns[i].sort === "num" ? -1 : 1);
      sortColumn = i;
      Array.prototype.forEach.call(head.children, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", sortDirection === 1 ? "ascending" : "descending");
      update();
    });
    th.appendChild(button);
    head.appendChild(th);
  });
  table.tHead.appendChild(head);
  search.addEventListener("input", update);
  more.addEventListener("click", function () { limit += step; render(); });
  document.getElementById("controls").hidden = false;
  render();
})();
