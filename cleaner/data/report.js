// The article browser of report.html: one page of articles drawn at a time.
//
// Data: #report-index holds {rules, articles}, one short row per article
// ([id, title, split, file, line_start, line_end, [[rule, count]...], text_length]);
// #report-articles holds one JSON document per line, the detail of the
// article with the same position ({lines, edits, record, duplicate?}); an
// edit is [rule, line, col, before, after] with 1-based raw line and column
// (code points). Details are parsed only for the page on screen.
(function () {
  "use strict";

  var PAGE_SIZE = 20;
  var FIELD_TAGS = { title: "T", byline: "B", credit: "C", text: "P" };
  var WS = /\s/;

  var index = JSON.parse(document.getElementById("report-index").textContent);
  var rules = index.rules;
  var rows = index.articles;
  var detailText = document.getElementById("report-articles").textContent;
  var detailLines = null;

  function detail(i) {
    if (detailLines === null) detailLines = detailText.split("\n");
    return JSON.parse(detailLines[i]);
  }

  // ---- small DOM helpers --------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (attrs[k] === null || attrs[k] === undefined) continue;
        if (k === "text") node.textContent = attrs[k];
        else if (k === "cls") node.className = attrs[k];
        else if (k === "style") node.setAttribute("style", attrs[k]);
        else node.setAttribute(k, attrs[k]);
      }
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function show(s) {
    // A string with its whitespace made visible, for tooltips.
    return JSON.stringify(s);
  }

  function visibleWs(ch) {
    if (ch === " ") return "·";
    if (ch === "\u3000") return "▯";
    if (ch === "\t") return "⇥";
    if (ch === "\u00a0") return "⍽";
    return "¤";
  }

  function cps(s) { return Array.from(s || ""); }

  // ---- where each cleaned character came from -----------------------------------
  // The raw lines are replayed with the in-line edits (in audit order), giving a
  // stream of non-space tokens that should spell the record's fields; each field
  // is then found in that stream. A token knows its raw line and column and the
  // edits that made it, so marks can be drawn on both sides.
  function pieces(record) {
    var out = [];
    if (record.title) out.push({ field: "title", key: "title", text: record.title });
    if (record.byline) out.push({ field: "byline", key: "byline", text: record.byline });
    (record.text || "").split("\n").forEach(function (p, i) {
      if (p) out.push({ field: "text", key: "text" + i, text: p, para: i });
    });
    (record.credits || []).forEach(function (c, i) {
      out.push({ field: "credit", key: "credit" + i, text: c, credit: i });
    });
    return out;
  }

  function align(d, lineStart) {
    var failed = 0;
    var toks = (d.lines || []).map(function (line, i) {
      return cps(line).map(function (ch, c) { return { ch: ch, line: lineStart + i, col: c + 1, ed: [], joins: [] }; });
    });
    d.edits.forEach(function (e, k) {
      var before = e[3];
      if (before.indexOf("\n") >= 0) return;            // a break: marked below
      var row = toks[e[1] - lineStart];
      if (!row) { failed++; return; }
      var b = cps(before), a = cps(e[4]);
      var at = 0;
      while (at < row.length && row[at].col < e[2]) at++;
      for (var j = 0; j < b.length; j++) {
        if (!row[at + j] || row[at + j].ch !== b[j]) { failed++; return; }
      }
      var inherited = [];
      for (j = 0; j < b.length; j++) inherited = inherited.concat(row[at + j].ed);
      var made = a.map(function (ch) {
        return { ch: ch, line: e[1], col: e[2], ed: inherited.concat([k]), joins: [] };
      });
      Array.prototype.splice.apply(row, [at, b.length].concat(made));
    });
    var stream = [];
    toks.forEach(function (row) { row.forEach(function (t) { if (!WS.test(t.ch)) stream.push(t); }); });
    d.edits.forEach(function (e, k) {
      if (e[3].indexOf("\n") < 0) return;
      for (var s = 0; s < stream.length; s++) {
        var t = stream[s];
        if (t.line > e[1] || (t.line === e[1] && t.col > e[2])) { t.joins.push(k); return; }
      }
    });
    // The stream as a string, and the stream position of each UTF-16 unit.
    var str = "", unit = [];
    stream.forEach(function (t, s) { str += t.ch; for (var u = 0; u < t.ch.length; u++) unit.push(s); });
    var taken = new Array(stream.length);
    var found = {}, approximate = [];
    var ps = pieces(d.record).sort(function (a, b) { return b.text.length - a.text.length; });
    ps.forEach(function (p) {
      var chars = cps(p.text), keyIdx = [], key = "";
      chars.forEach(function (ch, i) { if (!WS.test(ch)) { key += ch; keyIdx.push(i); } });
      if (!keyIdx.length) return;
      var n = keyIdx.length;
      var start = locate(str, unit, key, n, taken);
      var exact = start >= 0;
      if (!exact) {
        var anchor = cps(key).slice(0, Math.min(8, n)).join("");
        start = locate(str, unit, anchor, Math.min(8, n), taken);
        if (start < 0) { approximate.push(p.key); return; }
        approximate.push(p.key);
      }
      var map = new Array(chars.length);
      for (var j = 0; j < n && start + j < stream.length; j++) {
        if (taken[start + j]) break;
        map[keyIdx[j]] = stream[start + j];
      }
      for (j = 0; j < n && start + j < stream.length; j++) taken[start + j] = p.key;
      found[p.key] = map;
    });
    var lineFields = {};
    stream.forEach(function (t, s) {
      if (!taken[s]) return;
      var f = /^[a-z]+/.exec(taken[s])[0];
      (lineFields[t.line] = lineFields[t.line] || {})[f] = true;
    });
    return { found: found, failed: failed, approximate: approximate, lineFields: lineFields };
  }

  function locate(str, unit, key, n, taken) {
    var from = 0;
    while (true) {
      var u = str.indexOf(key, from);
      if (u < 0) return -1;
      var s = unit[u], free = true;
      for (var j = 0; j < n; j++) if (taken[s + j]) { free = false; break; }
      if (free) return s;
      from = u + 1;
    }
  }

  // ---- metadata: where the extracted fields are printed --------------------------
  function cpIndexOf(text, needle, from) {
    var u = text.indexOf(needle, from || 0);
    return u < 0 ? -1 : cps(text.slice(0, u)).length;
  }

  function metaSpans(record) {
    // [{piece key, start, end (code points), cls, label}] for outlet, authors, place, date.
    var out = [], ps = pieces(record);
    function find(needle, keys, cls, label) {
      if (!needle) return false;
      for (var i = 0; i < ps.length; i++) {
        if (keys.indexOf(ps[i].field) < 0) continue;
        var at = cpIndexOf(ps[i].text, needle);
        if (at >= 0) {
          out.push({ key: ps[i].key, start: at, end: at + cps(needle).length, cls: cls, label: label });
          return true;
        }
      }
      return false;
    }
    find(record.outlet, ["byline", "credit"], "m-outlet", "outlet: " + record.outlet);
    (record.authors || []).forEach(function (a) {
      find(a.name, ["byline", "credit"], "m-author", "author: " + a.name + (a.role ? " (" + a.role + ")" : ""));
    });
    find(record.place, ["byline"], "m-place", "place: " + record.place);
    if (record.date) {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(record.date);
      if (m) {
        var md = parseInt(m[2], 10) + "月" + parseInt(m[3], 10) + "日";
        find(md, ["byline"], "m-date", "date: " + record.date) ||
          (ps.filter(function (p) { return p.field === "text"; }).slice(0, 1).some(function (p) {
            var at = cpIndexOf(p.text, md);
            if (at >= 0) out.push({ key: p.key, start: at, end: at + cps(md).length, cls: "m-date", label: "date: " + record.date });
            return at >= 0;
          }));
      }
    }
    return out;
  }

  // ---- drawing one article ------------------------------------------------------
  function ruleOf(e) { return rules[e[0]]; }

  function editTitle(e) {
    var r = ruleOf(e);
    return r.name + ": " + show(e[3]) + " → " + show(e[4]) + " (line " + e[1] + ", col " + e[2] + ")" +
      (r.note ? "\n" + r.note : "");
  }

  function markNode(cls, colour, title, text, editIds) {
    return el("span", { cls: "mark " + cls, style: "--c:" + colour, title: title, "data-edit": editIds }, [text]);
  }

  function rawPane(d, row, al, meta) {
    var lineStart = row[4];
    var lines = d.lines;
    var pane = el("div", { cls: "pane raw" }, [el("h4", { text: "raw lines (" + row[3] + ")" })]);
    if (!lines) { pane.appendChild(el("p", { cls: "empty", text: "The raw file was not available when the report was written." })); return pane; }
    // Per raw character: edits covering it; per line: insertions, breaks.
    var charEdits = {}, inserts = {}, breaks = {};
    d.edits.forEach(function (e, k) {
      if (e[3].indexOf("\n") >= 0) { (breaks[e[1]] = breaks[e[1]] || []).push(k); return; }
      var n = cps(e[3]).length;
      if (!n) { (inserts[e[1] + ":" + e[2]] = inserts[e[1] + ":" + e[2]] || []).push(k); return; }
      for (var c = e[2]; c < e[2] + n; c++) (charEdits[e[1] + ":" + c] = charEdits[e[1] + ":" + c] || []).push(k);
    });
    var rawMeta = {};
    meta.forEach(function (m) {
      var map = al.found[m.key];
      if (!map) return;
      for (var i = m.start; i < m.end; i++) if (map[i]) rawMeta[map[i].line + ":" + map[i].col] = m;
    });
    var content = [];
    lines.forEach(function (l, i) { if (l.trim()) content.push(lineStart + i); });
    var nextContent = {};
    for (var c = 0; c + 1 < content.length; c++) nextContent[content[c]] = content[c + 1];
    var ol = el("ol", { cls: "lines" });
    lines.forEach(function (line, i) {
      var n = lineStart + i;
      if (!line.trim() && !breaks[n]) {
        ol.appendChild(el("li", { cls: "blank", "data-line": n }, [el("span", { cls: "n" }), el("span"), el("span")]));
        return;
      }
      var tags = el("span", { cls: "tag" });
      Object.keys(al.lineFields[n] || {}).forEach(function (f) {
        tags.appendChild(el("span", { cls: "t-" + f, title: "went into: " + f, text: FIELD_TAGS[f] || "?" }));
      });
      var body = el("span", { cls: "txt" });
      var chars = cps(line);
      var run = null, runKey = null;
      function flush() { if (run) body.appendChild(run.node); run = null; runKey = null; }
      for (var col = 1; col <= chars.length + 1; col++) {
        var ins = inserts[n + ":" + col];
        if (ins) {
          flush();
          ins.forEach(function (k) {
            var e = d.edits[k];
            body.appendChild(markNode("ins", ruleOf(e).colour, editTitle(e), "‸", k));
          });
        }
        if (col > chars.length) break;
        var ch = chars[col - 1], eds = charEdits[n + ":" + col] || [], m = rawMeta[n + ":" + col];
        var key = eds.join(",") + "|" + (m ? m.label : "");
        if (key !== runKey) {
          flush();
          runKey = key;
          var node;
          if (eds.length) {
            var last = d.edits[eds[eds.length - 1]];
            node = markNode("edit", ruleOf(last).colour, eds.map(function (k) { return editTitle(d.edits[k]); }).join("\n"), null, eds.join(" "));
            if (m) { node.classList.add("meta", m.cls); node.title += "\n" + m.label; }
          } else if (m) {
            node = el("span", { cls: "meta " + m.cls, title: m.label });
          } else {
            node = el("span");
          }
          run = { node: node };
        }
        if (eds.length && WS.test(ch)) run.node.appendChild(el("span", { cls: "ws", text: visibleWs(ch) }));
        else run.node.appendChild(document.createTextNode(ch));
      }
      flush();
      (breaks[n] || []).forEach(function (k) {
        var e = d.edits[k], r = ruleOf(e);
        var to = nextContent[n] ? " to line " + nextContent[n] : "";
        var title = r.name === "join_lines"
          ? "join_lines: break repaired, line " + n + " joined" + to + "; removed " + show(e[3]) +
            (e[4] ? ", put " + show(e[4]) : "") + (r.note ? "\n" + r.note : "")
          : editTitle(e);
        body.appendChild(markNode(r.name === "join_lines" ? "join" : "gap", r.colour, title,
          r.name === "join_lines" ? "⏎" : "⌁", k));
      });
      if (line.trim() && !(breaks[n] || []).some(function (k) { return ruleOf(d.edits[k]).name === "join_lines"; }) && nextContent[n]) {
        body.appendChild(el("span", { cls: "mark kept", title: "break kept: line " + nextContent[n] + " starts a new paragraph or field", text: "¶" }));
      }
      ol.appendChild(el("li", { "data-line": n }, [el("span", { cls: "n", text: String(n) }), tags, body]));
    });
    pane.appendChild(ol);
    return pane;
  }

  function fieldText(piece, al, meta, d) {
    // The piece's text with its edits, repaired breaks and metadata marked.
    var map = al.found[piece.key] || [];
    var chars = cps(piece.text);
    var metaAt = {};
    meta.forEach(function (m) { if (m.key === piece.key) for (var i = m.start; i < m.end; i++) metaAt[i] = m; });
    var out = el("span", { cls: "val" });
    var run = null, runKey = null;
    function flush() { if (run) out.appendChild(run); run = null; runKey = null; }
    chars.forEach(function (ch, i) {
      var t = map[i];
      if (t && t.joins.length) {
        flush();
        t.joins.forEach(function (k) {
          var e = d.edits[k], r = ruleOf(e);
          out.appendChild(markNode(r.name === "join_lines" ? "join" : "gap", r.colour,
            r.name + ": lines " + e[1] + " and " + t.line + " joined here" + (r.note ? "\n" + r.note : ""),
            r.name === "join_lines" ? "⏎" : "⌁", k));
        });
      }
      var eds = t ? t.ed : [], m = metaAt[i];
      var key = eds.join(",") + "|" + (m ? m.label : "");
      if (key !== runKey) {
        flush();
        runKey = key;
        if (eds.length) {
          var last = d.edits[eds[eds.length - 1]];
          run = markNode("edit", ruleOf(last).colour, eds.map(function (k) { return editTitle(d.edits[k]); }).join("\n"), null, eds.join(" "));
          if (m) { run.classList.add("meta", m.cls); run.title += "\n" + m.label; }
        } else if (m) run = el("span", { cls: "meta " + m.cls, title: m.label });
        else run = el("span");
      }
      run.appendChild(document.createTextNode(ch));
    });
    flush();
    return out;
  }

  var FIELD_COLOURS = { title: "#333", byline: "#6a3d9a", credit: "#b15928", text: "#9aa5b1" };

  function cleanPane(d, al, meta) {
    var rec = d.record;
    var pane = el("div", { cls: "pane clean" }, [el("h4", { text: "cleaned record" })]);
    var ps = pieces(rec), byKey = {};
    ps.forEach(function (p) { byKey[p.key] = p; });
    function label(f) { return el("span", { cls: "label", style: "background:" + FIELD_COLOURS[f], text: f }); }
    if (byKey.title) pane.appendChild(el("div", { cls: "field f-title" }, [label("title"), fieldText(byKey.title, al, meta, d)]));
    if (byKey.byline) pane.appendChild(el("div", { cls: "field f-byline" }, [label("byline"), fieldText(byKey.byline, al, meta, d)]));
    var authors = (rec.authors || []).map(function (a) { return a.name + (a.role ? " (" + a.role + ")" : ""); }).join("、");
    var dl = el("dl", { cls: "metadata", title: "metadata extracted from the byline and lead" });
    [["outlet", rec.outlet], ["authors", authors], ["date", rec.date], ["place", rec.place]].forEach(function (kv) {
      dl.appendChild(el("dt", { text: kv[0] }));
      dl.appendChild(el("dd", { cls: "md-" + kv[0], text: kv[1] || "—" }));
    });
    pane.appendChild(dl);
    var text = el("div", { cls: "field f-text" }, [label("text")]);
    ps.filter(function (p) { return p.field === "text"; }).forEach(function (p) {
      text.appendChild(el("p", { "data-para": p.para }, [fieldText(p, al, meta, d)]));
    });
    pane.appendChild(text);
    ps.filter(function (p) { return p.field === "credit"; }).forEach(function (p) {
      pane.appendChild(el("div", { cls: "field f-credit" }, [label("credit"), fieldText(p, al, meta, d)]));
    });
    if (al.failed || al.approximate.length) {
      pane.appendChild(el("p", { cls: "warn", text: "Marks on this side are approximate: " +
        (al.failed ? al.failed + " edit(s) could not be replayed on the raw lines" : "") +
        (al.failed && al.approximate.length ? "; " : "") +
        (al.approximate.length ? "not found exactly in the raw text: " + al.approximate.join(", ") : "") }));
    }
    return pane;
  }

  function drawArticle(i) {
    var row = rows[i], d = detail(i);
    var al = align(d, row[4]);
    var meta = metaSpans(d.record);
    var facts = el("div", { cls: "facts" }, [
      el("code", { text: row[0] }),
      el("span", { cls: "split-" + row[2], text: row[2] === "dropped" ? "dropped duplicate" : row[2] + " split" }),
      el("span", { text: row[3] + ": lines " + row[4] + "–" + row[5] }),
      el("span", { text: row[7].toLocaleString() + " characters" })
    ]);
    if (d.duplicate) facts.appendChild(el("span", { text: "duplicate of " + d.duplicate.of + " (" + d.duplicate.match + ")" }));
    row[6].forEach(function (rc) {
      var r = rules[rc[0]];
      facts.appendChild(el("span", { cls: "badge", style: "background:" + r.colour, title: r.note || r.name, text: r.name + " " + rc[1] }));
    });
    var title = row[1]
      ? el("h3", { cls: "headline", text: row[1] })
      : el("h3", { cls: "headline none", text: "(no headline)" });
    return el("article", { cls: "art", id: "a-" + row[0], "data-id": row[0] }, [
      el("header", null, [title, facts]),
      el("div", { cls: "panes" }, [rawPane(d, row, al, meta), cleanPane(d, al, meta)])
    ]);
  }

  // ---- filter, search, pages ----------------------------------------------------
  var state = { filter: "", query: "", page: 1 };

  function matches(row) {
    var f = state.filter;
    if (f) {
      var kind = f.split(":")[0], val = f.slice(kind.length + 1);
      if (kind === "split" && row[2] !== val) return false;
      if (kind === "rule" && !row[6].some(function (rc) { return String(rc[0]) === val; })) return false;
      if (kind === "kind" && !row[6].some(function (rc) { return rules[rc[0]].kind === val; })) return false;
    }
    if (state.query) {
      var q = state.query.toLowerCase();
      if (((row[1] || "") + "\n" + row[0] + "\n" + row[3]).toLowerCase().indexOf(q) < 0) return false;
    }
    return true;
  }

  function buildControls() {
    var select = document.getElementById("filter");
    var perRule = {}, perKind = {}, perSplit = {};
    rows.forEach(function (row) {
      perSplit[row[2]] = (perSplit[row[2]] || 0) + 1;
      var kinds = {};
      row[6].forEach(function (rc) { perRule[rc[0]] = (perRule[rc[0]] || 0) + 1; kinds[rules[rc[0]].kind] = 1; });
      Object.keys(kinds).forEach(function (k) { perKind[k] = (perKind[k] || 0) + 1; });
    });
    select.appendChild(el("option", { value: "", text: "all articles (" + rows.length + ")" }));
    var g = el("optgroup", { label: "with an edit of kind" });
    Object.keys(perKind).sort().forEach(function (k) { g.appendChild(el("option", { value: "kind:" + k, text: k + " (" + perKind[k] + ")" })); });
    select.appendChild(g);
    g = el("optgroup", { label: "with an edit by rule" });
    rules.forEach(function (r, i) { if (perRule[i]) g.appendChild(el("option", { value: "rule:" + i, text: r.name + " (" + perRule[i] + ")" })); });
    select.appendChild(g);
    g = el("optgroup", { label: "split" });
    ["train", "test", "dropped"].forEach(function (s) {
      if (perSplit[s]) g.appendChild(el("option", { value: "split:" + s, text: (s === "dropped" ? "dropped duplicates" : s) + " (" + perSplit[s] + ")" }));
    });
    select.appendChild(g);
    select.addEventListener("change", function () { state.filter = select.value; state.page = 1; render(); });
    var search = document.getElementById("search");
    search.addEventListener("input", function () { state.query = search.value.trim(); state.page = 1; render(); });
    var legend = document.getElementById("legend");
    rules.forEach(function (r, i) {
      if (!perRule[i]) return;
      var b = el("button", { type: "button", "data-rule": r.name, title: (r.note || r.name) + "\nclick: show only articles with this edit" },
        [el("span", { cls: "swatch", style: "background:" + r.colour }), r.name]);
      b.addEventListener("click", function () {
        state.filter = state.filter === "rule:" + i ? "" : "rule:" + i;
        select.value = state.filter; state.page = 1; render();
      });
      legend.appendChild(b);
    });
    legend.appendChild(el("span", { cls: "fixed", text: "⏎ repaired break · ¶ break kept · ‸ inserted · T/B/P/C title, byline, paragraph, credit · dotted: metadata" }));
  }

  function pager(node, pages) {
    node.textContent = "";
    function go(p) { state.page = Math.max(1, Math.min(pages, p)); render(); window.scrollTo(0, document.getElementById("browse").offsetTop); }
    var prev = el("button", { type: "button", cls: "prev", text: "‹ previous" });
    prev.disabled = state.page <= 1;
    prev.addEventListener("click", function () { go(state.page - 1); });
    var next = el("button", { type: "button", cls: "next", text: "next ›" });
    next.disabled = state.page >= pages;
    next.addEventListener("click", function () { go(state.page + 1); });
    var jump = el("input", { type: "number", min: 1, max: pages, value: state.page, "aria-label": "page" });
    jump.addEventListener("change", function () { go(parseInt(jump.value, 10) || 1); });
    node.appendChild(prev);
    node.appendChild(el("span", null, ["page ", jump, " of " + pages]));
    node.appendChild(next);
  }

  function render() {
    var shown = [];
    rows.forEach(function (row, i) { if (matches(row)) shown.push(i); });
    var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    if (state.page > pages) state.page = pages;
    var first = (state.page - 1) * PAGE_SIZE;
    var slice = shown.slice(first, first + PAGE_SIZE);
    var box = document.getElementById("articles");
    box.textContent = "";
    slice.forEach(function (i) { box.appendChild(drawArticle(i)); });
    if (!slice.length) box.appendChild(el("p", { cls: "empty", text: "No article matches." }));
    document.getElementById("count").textContent = shown.length
      ? "articles " + (first + 1) + "–" + (first + slice.length) + " of " + shown.length
      : "no articles";
    pager(document.getElementById("pager-top"), pages);
    pager(document.getElementById("pager-bottom"), pages);
    Array.prototype.forEach.call(document.querySelectorAll("#legend button"), function (b) {
      b.classList.toggle("on", state.filter === "rule:" + rules.map(function (r) { return r.name; }).indexOf(b.getAttribute("data-rule")));
    });
    document.body.setAttribute("data-page", state.page);
    document.body.setAttribute("data-ready", "1");
  }

  // Hovering a mark lights up the same edit on both sides.
  document.addEventListener("mouseover", function (ev) {
    var m = ev.target.closest && ev.target.closest("[data-edit]");
    Array.prototype.forEach.call(document.querySelectorAll(".hot"), function (n) { n.classList.remove("hot"); });
    if (!m) return;
    var art = m.closest("article");
    var ids = m.getAttribute("data-edit").split(" ");
    Array.prototype.forEach.call(art.querySelectorAll("[data-edit]"), function (n) {
      var own = n.getAttribute("data-edit").split(" ");
      if (own.some(function (k) { return ids.indexOf(k) >= 0; })) n.classList.add("hot");
    });
  });

  buildControls();
  render();
})();
