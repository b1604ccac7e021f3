// hunyuan_kg explorer: graph (sigma.js), search, entity pages and the timeline, offline.
// Every extracted string reaches the page through textContent / createTextNode only.
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("hkg-data").textContent);
  const NODES = DATA.nodes;
  const EDGES = DATA.edges;
  const EVENTS = DATA.events;
  const DOCS = DATA.docs;
  const SENTS = DATA.sentences;
  const COLORS = DATA.colors;
  const TYPE_NAMES = {
    PERSON: "人物 Person",
    ORG: "机构 Organization",
    PRODUCT: "产品 Product",
    EVENT: "事件 Event",
    LOC: "地点 Location",
  };
  const BY_ID = new Map(NODES.map((n, i) => [n.id, i]));
  const MAX_EVIDENCE_DOCS = 5;
  const TIMELINE_PAGE = 300;
  const ARROWS_MAX_EDGES = 2000;

  // --- small DOM helpers --------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === "text") node.textContent = String(v);
        else if (k === "class") node.className = v;
        else node.setAttribute(k, String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function colorOf(kind) {
    return COLORS[kind] || COLORS[""];
  }
  function entityHref(i) {
    return "#/entity/" + encodeURIComponent(NODES[i].id);
  }
  function safeHref(href) {
    // the build writes relative, percent-encoded paths; refuse anything with a scheme
    return href && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("//") ? href : null;
  }
  function typeBadge(kind) {
    const b = el("span", { class: "badge kind", text: TYPE_NAMES[kind] || kind || "?" });
    b.style.borderColor = colorOf(kind);
    return b;
  }
  function entityLink(i, label) {
    const a = el("a", { href: entityHref(i), class: "entity-link" });
    const dot = el("span", { class: "dot" });
    dot.style.background = colorOf(NODES[i].k);
    a.append(dot, document.createTextNode(label || NODES[i].l));
    return a;
  }
  function docLink(d) {
    const doc = DOCS[d];
    if (!doc) return el("span", { class: "doc", text: "?" });
    const [id, title, date, href] = doc;
    const span = el("span", { class: "doc" });
    const target = safeHref(href);
    const name = title || id;
    span.appendChild(target ? el("a", { href: target, title: id, text: name }) : el("span", { title: id, text: name }));
    if (date) span.append(" ", el("time", { datetime: date, text: date }));
    return span;
  }
  function evidenceList(ev) {
    const ul = el("ul", { class: "evidence" });
    for (const [s, ...docs] of ev) {
      const li = el("li", null, el("q", { class: "sentence", text: SENTS[s] }));
      const where = el("span", { class: "where" }, " — ");
      docs.slice(0, MAX_EVIDENCE_DOCS).forEach((d, k) => {
        if (k) where.append(" · ");
        where.append(docLink(d));
      });
      if (docs.length > MAX_EVIDENCE_DOCS) {
        where.append(" · ", el("span", { class: "more", text: `+${docs.length - MAX_EVIDENCE_DOCS} more articles` }));
      }
      li.append(where);
      ul.append(li);
    }
    return ul;
  }

  // --- search index -------------------------------------------------------------------
  function norm(s) {
    return String(s).normalize("NFKC").toLowerCase().replace(/[\s·・._\-「」『』“”"'《》]/g, "");
  }
  const SEARCH = [];
  NODES.forEach((n, i) => {
    if (n.k === "EVENT") return;
    for (const name of [n.l, ...(n.a || [])]) {
      const key = norm(name);
      if (key) SEARCH.push([key, i, name]);
    }
  });
  function search(query, limit) {
    const q = norm(query);
    if (!q) return [];
    const best = new Map();
    for (const [key, i, name] of SEARCH) {
      const at = key.indexOf(q);
      if (at < 0) continue;
      const rank = key === q ? 0 : at === 0 ? 1 : 2;
      const prev = best.get(i);
      if (!prev || rank < prev.rank || (rank === prev.rank && name.length < prev.name.length)) {
        best.set(i, { i, rank, name });
      }
    }
    return [...best.values()]
      .sort((a, b) => a.rank - b.rank || NODES[b.i].m - NODES[a.i].m || (NODES[a.i].l < NODES[b.i].l ? -1 : 1))
      .slice(0, limit);
  }

  const input = document.getElementById("search");
  const list = document.getElementById("suggestions");
  let hits = [];
  let active = -1;
  function showSuggestions() {
    hits = search(input.value, 12);
    active = hits.length ? 0 : -1;
    clear(list);
    hits.forEach((h, k) => {
      const li = el("li", { role: "option", "data-index": k, class: k === active ? "active" : null });
      li.append(entityLink(h.i));
      if (h.name !== NODES[h.i].l) li.append(el("span", { class: "alias", text: h.name }));
      li.append(typeBadge(NODES[h.i].k));
      list.append(li);
    });
    if (input.value && !hits.length) list.append(el("li", { class: "none", text: "无结果 · no match" }));
    list.hidden = !input.value;
  }
  function choose(k) {
    if (k < 0 || k >= hits.length) return;
    list.hidden = true;
    location.hash = entityHref(hits[k].i);
  }
  input.addEventListener("input", showSuggestions);
  input.addEventListener("focus", () => input.value && showSuggestions());
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!hits.length) return;
      active = (active + (e.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      [...list.children].forEach((li, k) => li.classList.toggle("active", k === active));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (!hits.length) showSuggestions();
      choose(Math.max(active, 0));
    } else if (e.key === "Escape") {
      list.hidden = true;
    }
  });
  list.addEventListener("click", () => {
    list.hidden = true;
  });
  document.addEventListener("click", (e) => {
    if (!e.target.closest(".search")) list.hidden = true;
  });

  // --- graph view ---------------------------------------------------------------------
  const graphBox = document.getElementById("graph");
  const slider = document.getElementById("date-slider");
  const dateLabel = document.getElementById("date-label");
  const visibleCount = document.getElementById("visible-count");
  document.getElementById("total-count").textContent = String(NODES.length);
  const kinds = [...new Set(NODES.map((n) => n.k))].sort();
  const shownKinds = new Set(kinds);
  const dates = [...new Set([...NODES.filter((n) => n.t).map((n) => n.t[0]), ...EDGES.filter((e) => e[5]).map((e) => e[5])])].sort();
  let asOf = null; // null: everything
  const nodeHidden = new Uint8Array(NODES.length);
  let renderer = null;
  let graph = null;

  const filters = document.getElementById("type-filters");
  for (const kind of kinds) {
    const box = el("input", { type: "checkbox", value: kind, checked: "checked" });
    const swatch = el("span", { class: "dot" });
    swatch.style.background = colorOf(kind);
    const count = NODES.filter((n) => n.k === kind).length;
    filters.append(el("label", { class: "filter" }, box, swatch, `${TYPE_NAMES[kind] || kind || "?"} (${count})`));
    box.addEventListener("change", () => {
      if (box.checked) shownKinds.add(kind);
      else shownKinds.delete(kind);
      applyFilters();
    });
  }
  slider.max = String(Math.max(dates.length - 1, 0));
  slider.value = slider.max;
  slider.disabled = dates.length === 0;
  slider.addEventListener("input", () => {
    asOf = dates.length ? dates[Number(slider.value)] : null;
    if (Number(slider.value) === dates.length - 1) asOf = null;
    applyFilters();
  });

  function applyFilters() {
    let shown = 0;
    NODES.forEach((n, i) => {
      const hide = !shownKinds.has(n.k) || (asOf !== null && n.t && n.t[0] > asOf);
      nodeHidden[i] = hide ? 1 : 0;
      if (!hide) shown += 1;
    });
    visibleCount.textContent = String(shown);
    graphBox.dataset.visible = String(shown);
    dateLabel.textContent = asOf === null ? (dates.length ? `全部 all (to ${dates[dates.length - 1]})` : "全部 all (no dates)") : `截至 as of ${asOf}`;
    if (renderer) renderer.scheduleRefresh(); // once per frame however fast the slider moves
  }

  function initGraph() {
    if (renderer || typeof Sigma === "undefined" || typeof graphology === "undefined") return;
    graph = new graphology.MultiDirectedGraph();
    NODES.forEach((n, i) => {
      graph.addNode(String(i), { x: n.x, y: -n.y, size: n.s / 4, label: n.l, color: colorOf(n.k) });
    });
    EDGES.forEach((e, k) => {
      graph.addEdgeWithKey(String(k), String(e[0]), String(e[1]), {
        size: Math.min(1 + Math.log2(e[4]), 4),
        color: "#c8c8c8",
        label: e[3] || e[2],
      });
    });
    renderer = new Sigma(graph, graphBox, {
      allowInvalidContainer: true,
      // arrows show the direction; past a few thousand edges they cost more than they tell
      defaultEdgeType: EDGES.length <= ARROWS_MAX_EDGES ? "arrow" : "line",
      renderEdgeLabels: false,
      labelFont: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
      labelRenderedSizeThreshold: 5,
      nodeReducer: (node, attrs) => (nodeHidden[Number(node)] ? { ...attrs, hidden: true } : attrs),
      edgeReducer: (edge, attrs) => {
        const e = EDGES[Number(edge)];
        const hide = nodeHidden[e[0]] || nodeHidden[e[1]] || (asOf !== null && e[5] && e[5] > asOf);
        return hide ? { ...attrs, hidden: true } : attrs;
      },
    });
    renderer.on("clickNode", ({ node }) => {
      location.hash = entityHref(Number(node));
    });
    renderer.on("enterNode", () => graphBox.classList.add("pointer"));
    renderer.on("leaveNode", () => graphBox.classList.remove("pointer"));
    window.hkgRenderer = renderer; // for the tests and the console
  }

  // --- entity page --------------------------------------------------------------------
  const ENTITY_EVENTS = NODES.map(() => []);
  EVENTS.forEach((ev, k) => {
    const seen = new Set();
    if (ev.n >= 0) seen.add(ev.n);
    for (const [i] of ev.p) if (i >= 0) seen.add(i);
    for (const i of seen) ENTITY_EVENTS[i].push(k);
  });
  const ENTITY_EDGES = NODES.map(() => []);
  EDGES.forEach((e, k) => {
    ENTITY_EDGES[e[0]].push(k);
    if (e[1] !== e[0]) ENTITY_EDGES[e[1]].push(k);
  });

  function eventItem(ev, withEvidence) {
    const li = el("li", { class: "event" + (ev.st && ev.st !== "happened" ? " planned" : "") });
    const meta = el("div", { class: "meta" });
    meta.append(el("time", { datetime: ev.d || null, text: ev.d || "未注明日期 undated" }), " ");
    meta.append(el("span", { class: "badge type", text: ev.ty }));
    if (ev.st && ev.st !== "happened") meta.append(" ", el("span", { class: "badge status", text: ev.st }));
    if (ev.u) meta.append(" ", el("span", { class: "badge dct", title: DATA.howToDate, text: "⚠ 发布日期为推断 / publication date inferred" }));
    li.append(meta);
    const title = el("h4", { class: "headline" });
    title.append(ev.n >= 0 ? el("a", { href: entityHref(ev.n), text: ev.ti }) : document.createTextNode(ev.ti));
    li.append(title);
    if (ev.p.length) {
      const p = el("p", { class: "participants" });
      for (const [i, label, kind, role] of ev.p) {
        const chip = i >= 0 ? entityLink(i, label) : el("span", { class: "entity-link", text: label });
        if (role) chip.append(el("span", { class: "role", text: ` (${role})` }));
        p.append(chip, " ");
      }
      li.append(p);
    }
    if (withEvidence && ev.ev.length) li.append(evidenceList(ev.ev));
    else if (ev.ev.length) {
      const det = el("details", null, el("summary", { text: `${ev.ev.length} 处来源 sources` }));
      det.addEventListener("toggle", () => {
        if (det.open && det.children.length === 1) det.append(evidenceList(ev.ev));
      }, { once: false });
      li.append(det);
    }
    return li;
  }

  function section(title, ...content) {
    return el("section", { class: "part" }, el("h3", { text: title }), ...content);
  }

  function showEntity(i) {
    const n = NODES[i];
    const box = document.getElementById("entity");
    clear(box);
    const head = el("header", { class: "entity-head" });
    const dot = el("span", { class: "dot big" });
    dot.style.background = colorOf(n.k);
    head.append(el("h2", null, dot, n.l), typeBadge(n.k));
    const facts = [`${n.m} 次提及 mentions`];
    if (n.t) facts.push(n.t[0] === n.t[1] ? n.t[0] : `${n.t[0]} – ${n.t[1]}`);
    head.append(el("p", { class: "facts", text: facts.join(" · ") }));
    const links = el("p", { class: "facts" });
    const inTimeline = el("a", { href: "#/timeline/" + encodeURIComponent(n.id), text: "在时间线中查看 · show in timeline" });
    links.append(inTimeline);
    head.append(links);
    box.append(head);

    if (n.a && n.a.length) {
      const ul = el("ul", { class: "aliases" });
      for (const a of n.a) ul.append(el("li", { text: a }));
      box.append(section("别名 Aliases", ul));
    }
    // the event itself, for an event node
    const own = EVENTS.filter((ev) => ev.n === i);
    if (n.k === "EVENT" && own.length) {
      const ol = el("ol", { class: "events" });
      own.forEach((ev) => ol.append(eventItem(ev, true)));
      box.append(section("事件 Event", ol));
    }
    if (n.md && n.md.length) {
      const table = el("table", { class: "mentions" });
      table.append(el("thead", null, el("tr", null, el("th", { text: "文章 Article" }), el("th", { text: "提及 Mentions" }))));
      const body = el("tbody");
      for (const [d, c] of n.md) body.append(el("tr", null, el("td", null, docLink(d)), el("td", { class: "num", text: c || "–" })));
      table.append(body);
      box.append(section(`出现的文章 Articles (${n.md.length})`, table));
    }
    const rels = ENTITY_EDGES[i].filter((k) => EDGES[k][2] !== "participant" || n.k === "EVENT");
    if (rels.length) {
      const ul = el("ul", { class: "relations" });
      for (const k of rels) {
        const [s, t, rel, role, weight, , ev] = EDGES[k];
        const li = el("li", { class: "relation" });
        const line = el("p", { class: "rel-line" });
        line.append(s === i ? el("strong", { text: n.l }) : entityLink(s));
        line.append(" ", el("span", { class: "badge rel", text: role ? `${rel}: ${role}` : rel }), " → ");
        line.append(t === i ? el("strong", { text: n.l }) : entityLink(t));
        if (weight > 1) line.append(el("span", { class: "weight", text: ` ×${weight}` }));
        li.append(line);
        if (ev.length) li.append(evidenceList(ev));
        ul.append(li);
      }
      box.append(section(`关系 Relations (${rels.length})`, ul));
    }
    const evs = ENTITY_EVENTS[i].filter((k) => EVENTS[k].n !== i || n.k !== "EVENT");
    if (evs.length) {
      const ol = el("ol", { class: "events" });
      for (const k of evs) ol.append(eventItem(EVENTS[k], true));
      box.append(section(`事件 Events (${evs.length})`, ol));
    }
    document.title = `${n.l} · 知识图谱 Explorer`;
    window.scrollTo(0, 0);
  }

  // --- timeline view ------------------------------------------------------------------
  const tlBox = document.getElementById("timeline");
  const tlEntity = document.getElementById("tl-entity");
  const tlType = document.getElementById("tl-type");
  const tlCount = document.getElementById("tl-count");
  const DATED = EVENTS.map((ev, k) => k).filter((k) => EVENTS[k].d);
  for (const ty of [...new Set(DATED.map((k) => EVENTS[k].ty))].sort()) {
    tlType.append(el("option", { value: ty, text: ty }));
  }
  let tlEntityId = null; // an exact entity from #/timeline/<id>
  let tlLimit = TIMELINE_PAGE;

  function eventMatches(ev, q, ty) {
    if (ty && ev.ty !== ty) return false;
    if (tlEntityId !== null) {
      if (ev.n !== tlEntityId && !ev.p.some(([i]) => i === tlEntityId)) return false;
    }
    if (!q) return true;
    return ev.p.some(([i, label]) => {
      if (norm(label).includes(q)) return true;
      return i >= 0 && (NODES[i].a || []).some((a) => norm(a).includes(q));
    }) || norm(ev.ti).includes(q);
  }

  function renderTimeline() {
    const q = norm(tlEntity.value);
    const ty = tlType.value;
    const keep = DATED.filter((k) => eventMatches(EVENTS[k], q, ty));
    tlCount.textContent = `${keep.length} / ${DATED.length} events` + (tlEntityId !== null ? ` · ${NODES[tlEntityId].l}` : "");
    clear(tlBox);
    let year = null;
    let ol = null;
    for (const k of keep.slice(0, tlLimit)) {
      const ev = EVENTS[k];
      const y = ev.d.slice(0, 4);
      if (y !== year) {
        year = y;
        ol = el("ol", { class: "events" });
        tlBox.append(el("section", { class: "year" }, el("h3", { text: y }), ol));
      }
      ol.append(eventItem(ev, false));
    }
    if (keep.length > tlLimit) {
      const more = el("button", { type: "button", class: "more", text: `显示更多 show ${Math.min(TIMELINE_PAGE, keep.length - tlLimit)} more` });
      more.addEventListener("click", () => {
        tlLimit += TIMELINE_PAGE;
        renderTimeline();
      });
      tlBox.append(more);
    }
  }
  let tlTimer = 0;
  tlEntity.addEventListener("input", () => {
    clearTimeout(tlTimer);
    tlTimer = setTimeout(() => {
      tlLimit = TIMELINE_PAGE;
      renderTimeline();
    }, 120);
  });
  tlType.addEventListener("change", () => {
    tlLimit = TIMELINE_PAGE;
    renderTimeline();
  });

  // --- routing: #/graph, #/timeline[/id], #/entity/id -----------------------------------
  const views = ["graph", "timeline", "entity"];
  function show(view) {
    for (const v of views) document.getElementById("view-" + v).hidden = v !== view;
    for (const v of ["graph", "timeline"]) document.getElementById("tab-" + v).classList.toggle("current", v === view);
    document.body.dataset.view = view;
  }
  function route() {
    const hash = location.hash.replace(/^#\/?/, "");
    const [view, ...rest] = hash.split("/");
    const arg = rest.length ? decodeURIComponent(rest.join("/")) : null;
    if (view === "entity" && arg !== null && BY_ID.has(arg)) {
      show("entity");
      showEntity(BY_ID.get(arg));
      return;
    }
    document.title = "知识图谱 · Explorer";
    if (view === "timeline") {
      show("timeline");
      tlEntityId = arg !== null && BY_ID.has(arg) ? BY_ID.get(arg) : null;
      tlLimit = TIMELINE_PAGE;
      renderTimeline();
      return;
    }
    show("graph");
    initGraph();
    if (renderer) {
      renderer.resize();
      renderer.refresh();
    }
  }
  window.addEventListener("hashchange", route);
  applyFilters();
  route();
  // ms since navigation start, for benchmarks/bench_explorer.py: script done, first frame shown
  window.hkgReadyAt = performance.now();
  requestAnimationFrame(() => requestAnimationFrame(() => (window.hkgPaintedAt = performance.now())));
  document.body.dataset.ready = "1";
})();
