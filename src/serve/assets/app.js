// newsidx serve: the search page. Plain ES2020, no dependencies.
// Every stored field comes from scraped pages: the DOM is built with
// createElement + text nodes only (never innerHTML), so markup in the data
// is shown as text.
'use strict';
(() => {
  const PAGE = 10;
  const FACETS = ['author', 'agency', 'source', 'year', 'lang', 'speaker', 'month'];
  const SECTIONS = [
    ['author', 'Authors'], ['agency', 'Agencies'], ['source', 'Sources'],
    ['speaker', 'Speakers'], ['year', 'Years'], ['lang', 'Languages'],
  ];
  const SORTS = ['relevance', 'date', 'date-asc'];
  // Facets a click narrows to (exact values): URL parameters of the page and of the API.
  const FILTERS = ['author', 'agency', 'source', 'speaker', 'lang'];
  const MAX_MONTHS = 120;
  const MAX_OFFSET = 10000;
  // Bidirectional overrides and isolates in scraped text would reorder what is shown.
  const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
  const $ = (id) => document.getElementById(id);
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const nf = new Intl.NumberFormat('en');
  let langNames = null;
  try { langNames = new Intl.DisplayNames(['en'], { type: 'language' }); } catch (_) { /* old browser */ }

  // ---------- DOM helpers ----------
  const plainText = (t) => document.createTextNode(String(t).replace(BIDI_CONTROLS, ''));
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v == null || v === false) continue;
        if (k === 'class') el.className = v;
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    add(el, kids);
    return el;
  }
  function add(el, kids) {
    for (const kid of kids) {
      if (kid == null || kid === false) continue;
      if (Array.isArray(kid)) add(el, kid);
      else if (kid instanceof Node) el.appendChild(kid);
      else el.appendChild(plainText(kid));
    }
  }
  const plural = (n, one, many) => `${nf.format(n)} ${n === 1 ? one : many}`;
  const articles = (n) => plural(n, 'article', 'articles');
  const sep = () => h('span', { class: 'sep', 'aria-hidden': 'true' }, '·');

  // Text with byte-range highlights [start, end) into its UTF-8 encoding.
  function marked(text, ranges) {
    const frag = document.createDocumentFragment();
    text = text == null ? '' : String(text);
    const rs = Array.isArray(ranges) ? ranges : [];
    if (!rs.length) { frag.appendChild(plainText(text)); return frag; }
    const b = enc.encode(text);
    const n = b.length;
    const inside = (i) => i > 0 && i < n && (b[i] & 0xc0) === 0x80; // UTF-8 continuation byte
    const spans = [];
    for (const r of rs) {
      if (!Array.isArray(r) || r.length < 2) continue;
      let s = Math.max(0, Math.min(n, Math.floor(Number(r[0]))));
      let e = Math.max(0, Math.min(n, Math.floor(Number(r[1]))));
      if (!Number.isFinite(s) || !Number.isFinite(e)) continue;
      while (inside(s)) s--;
      while (inside(e)) e++;
      if (e > s) spans.push([s, e]);
    }
    spans.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let pos = 0;
    for (const [s0, e] of spans) {
      const s = Math.max(s0, pos);
      if (e <= s) continue;
      if (s > pos) frag.appendChild(plainText(dec.decode(b.subarray(pos, s))));
      frag.appendChild(h('mark', null, dec.decode(b.subarray(s, e))));
      pos = e;
    }
    if (pos < n) frag.appendChild(plainText(dec.decode(b.subarray(pos))));
    return frag;
  }

  function safeUrl(u) {
    if (typeof u !== 'string' || !u) return null;
    try {
      const x = new URL(u);
      return x.protocol === 'http:' || x.protocol === 'https:' ? x : null;
    } catch (_) { return null; }
  }
  function shortUrl(x) {
    let s = x.hostname.replace(/^www\./, '') + (x.pathname === '/' ? '' : x.pathname);
    try { s = decodeURI(s); } catch (_) { /* keep encoded */ }
    return s.length > 64 ? s.slice(0, 61) + '…' : s;
  }
  const day = (d) => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : String(d));
  const list = (v) => (Array.isArray(v) ? v.filter((x) => x != null && String(x) !== '').map(String) : []);

  // The meta line shared by hits, the article and similar articles.
  function metaLine(doc, full) {
    const parts = [];
    const authors = list(doc.authors);
    if (authors.length) parts.push(h('span', { class: 'authors' }, authors.join(', ')));
    for (const a of list(doc.agencies)) parts.push(h('span', { class: 'agency' }, `${a} (agency)`));
    if (doc.date) parts.push(h('time', { class: 'date', datetime: String(doc.date), title: String(doc.date) }, day(doc.date)));
    if (doc.source) parts.push(h('span', { class: 'source' }, String(doc.source)));
    if (doc.path) parts.push(h('span', { class: 'path', title: String(doc.path) }, String(doc.path)));
    if (full && doc.record != null && doc.record !== '') parts.push(h('span', { class: 'record' }, `record ${doc.record}`));
    const raw = doc.url || doc.fetched_url;
    if (raw) {
      const x = safeUrl(raw);
      parts.push(x
        ? h('a', { class: 'url', href: x.href, rel: 'noopener noreferrer', target: '_blank', title: x.href }, shortUrl(x))
        : h('span', { class: 'url' }, String(raw)));
    }
    if (full && doc.lang) {
      let name = null;
      try { name = langNames && langNames.of(String(doc.lang)); } catch (_) { /* not a code */ }
      parts.push(h('span', { class: 'lang', title: name || null }, String(doc.lang)));
    }
    const div = h('div', { class: 'meta' });
    parts.forEach((p, i) => {
      if (i) { div.appendChild(sep()); div.appendChild(document.createTextNode(' ')); }
      div.appendChild(p);
    });
    return div;
  }

  function quoteBlock(text, speaker, ranges) {
    return h('blockquote', { class: 'quote' },
      h('p', null, marked(text, ranges)),
      h('cite', null, speaker ? `— ${speaker}` : '— unattributed'));
  }

  // ---------- state in the URL ----------
  function readState() {
    const p = new URLSearchParams(location.search);
    const page = parseInt(p.get('page') || '1', 10);
    const sort = p.get('sort');
    return {
      q: p.get('q') || '',
      sort: SORTS.includes(sort) ? sort : 'relevance',
      since: (p.get('since') || '').trim(),
      until: (p.get('until') || '').trim(),
      page: Number.isFinite(page) && page > 0 ? page : 1,
      article: (p.get('article') || '').trim(),
      filters: FILTERS.flatMap((name) => p.getAll(name).filter((v) => v !== '').map((value) => [name, value])),
    };
  }
  function urlFor(s) {
    const p = new URLSearchParams();
    if (s.article) { p.set('article', s.article); return '/?' + p; }
    if (s.q) p.set('q', s.q);
    for (const [name, value] of s.filters || []) p.append(name, value);
    if (s.sort && s.sort !== 'relevance') p.set('sort', s.sort);
    if (s.since) p.set('since', s.since);
    if (s.until) p.set('until', s.until);
    if (s.page > 1) p.set('page', String(s.page));
    const qs = p.toString();
    return qs ? '/?' + qs : '/';
  }
  const articleUrl = (id) => urlFor({ article: id });

  let depth = (history.state && history.state.depth) || 0;
  let scrollTop = false;
  let lastSearch = null;
  function go(url) {
    depth += 1;
    history.pushState({ depth }, '', url);
    scrollTop = true;
    render();
  }
  if (!history.state) history.replaceState({ depth: 0 }, '', location.href);
  window.addEventListener('popstate', (e) => {
    depth = (e.state && e.state.depth) || 0;
    render();
  });

  // In-page navigation for our own links (data-nav); modified clicks keep
  // their usual meaning (new tab, window, download).
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target instanceof Element ? e.target.closest('a[data-nav]') : null;
    if (!a) return;
    e.preventDefault();
    if (a.id === 'back' && depth > 0) { history.back(); return; }
    go(a.getAttribute('href'));
  });

  // "/" focuses the search box.
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target;
    if (t instanceof Element && (t.closest('input, textarea, select, [contenteditable]'))) return;
    e.preventDefault();
    const q = $('q');
    q.focus();
    q.select();
  });

  function formState() {
    return {
      q: $('q').value.trim(),
      sort: $('sort').value,
      since: $('since').value.trim(),
      until: $('until').value.trim(),
      page: 1,
      filters: readState().filters, // a new search keeps the filters (each one removable)
    };
  }
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    go(urlFor(formState()));
  });
  $('sort').addEventListener('change', () => {
    const s = formState();
    if (s.q || s.since || s.until || s.filters.length) go(urlFor(s));
  });
  function syncForm(s) {
    if (s.article) return; // keep the last search in the box
    $('q').value = s.q;
    $('sort').value = s.sort;
    $('since').value = s.since;
    $('until').value = s.until;
  }

  // ---------- fetching ----------
  class ApiError extends Error {
    constructor(message, status, body) { super(message); this.status = status; this.body = body || {}; }
  }
  async function api(path, signal) {
    let res;
    try {
      res = await fetch(path, { signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (e && e.name === 'AbortError') throw e;
      throw new ApiError('Could not reach the server. Is newsidx serve still running?', 0, null);
    }
    const text = await res.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (_) { body = null; }
    if (!res.ok) {
      const msg = body && typeof body.error === 'string' && body.error
        ? body.error
        : `The server answered ${res.status}${res.statusText ? ' ' + res.statusText : ''}.`;
      throw new ApiError(msg, res.status, body);
    }
    if (body == null || typeof body !== 'object') throw new ApiError('The server sent a response that is not JSON.', res.status, null);
    return body;
  }

  // ---------- views ----------
  function setView(name) {
    $('intro').hidden = name !== 'intro';
    $('results').hidden = name !== 'results';
    $('article').hidden = name !== 'article';
  }
  function clearError() {
    const box = $('error');
    box.hidden = true;
    box.replaceChildren();
  }
  function showError(e, s) {
    const box = $('error');
    box.replaceChildren();
    const body = (e && e.body) || {};
    const bad = e && e.status === 400 && typeof body.position === 'number';
    box.appendChild(h('p', { class: 'msg' }, h('strong', null, bad ? 'Bad query: ' : 'Error: '), (e && e.message) || String(e)));
    if (bad && typeof body.position === 'number' && s && s.q) {
      const chars = Array.from(s.q);
      const pos = Math.max(0, Math.min(Math.floor(body.position), chars.length));
      const pad = chars.slice(0, pos).map((c) => (c === '\t' ? '\t' : ' ')).join('');
      box.appendChild(h('pre', { class: 'caret', 'aria-label': `at character ${pos + 1} of the query` },
        h('code', null, s.q + '\n' + pad + '^')));
    }
    if (body.hint) box.appendChild(h('p', { class: 'hint' }, h('strong', null, 'Hint: '), String(body.hint)));
    box.hidden = false;
  }
  function setBusy(on) {
    document.body.classList.toggle('busy', on);
    const m = $('main');
    if (on) m.setAttribute('aria-busy', 'true'); else m.removeAttribute('aria-busy');
  }
  function afterShow() {
    if (scrollTop) window.scrollTo(0, 0);
    scrollTop = false;
  }

  let seq = 0;
  let ctrl = null;
  async function render() {
    const s = readState();
    syncForm(s);
    if (ctrl) ctrl.abort();
    ctrl = new AbortController();
    const my = ++seq;
    const live = () => my === seq;
    setBusy(true);
    try {
      if (s.article) await showArticle(s, ctrl.signal, live);
      else if (s.q || s.since || s.until || s.filters.length) await showSearch(s, ctrl.signal, live);
      else { clearError(); setView('intro'); document.title = 'newsidx'; afterShow(); }
    } catch (e) {
      if ((e && e.name === 'AbortError') || !live()) return;
      setView('none');
      showError(e, s);
      document.title = `${s.q || 'Error'} — newsidx`;
      afterShow();
    } finally {
      if (live()) setBusy(false);
    }
  }

  // ---------- search ----------
  async function showSearch(s, signal, live) {
    const p = new URLSearchParams();
    p.set('q', s.q);
    for (const [name, value] of s.filters) p.append(name, value);
    p.set('limit', String(PAGE));
    p.set('offset', String((s.page - 1) * PAGE));
    p.set('sort', s.sort);
    if (s.since) p.set('since', s.since);
    if (s.until) p.set('until', s.until);
    for (const f of FACETS) p.append('facet', f);
    const data = await api('/api/search?' + p, signal);
    if (!live()) return;
    const hits = Array.isArray(data.hits) ? data.hits : [];
    const total = Number(data.total) || 0;
    const exact = data.total_exact !== false;
    // Copies folded: `total` counts articles, the pages hold stories (fewer).
    const folded = data.collapsed === true && data.stories !== true;
    const facets = data.facets && typeof data.facets === 'object' ? data.facets : {};
    clearError();
    lastSearch = urlFor(s);

    const summary = $('summary');
    summary.replaceChildren();
    if (total === 0 && hits.length === 0) summary.textContent = 'No articles match';
    else summary.textContent = (exact ? articles(total) : `more than ${articles(total)}`) +
      (folded && hits.some((x) => Number(x.copies) > 0) ? ' (one hit per story)' : '');
    summary.classList.toggle('none', total === 0 && hits.length === 0);

    renderHistogram(s, facets);
    const ol = $('hits');
    ol.replaceChildren();
    ol.start = (s.page - 1) * PAGE + 1;
    for (const hit of hits) ol.appendChild(hitItem(hit));
    if (!hits.length && total > 0) {
      ol.appendChild(h('li', { class: 'past' }, `Page ${s.page} is past the last result. `,
        h('a', { href: urlFor({ ...s, page: 1 }), 'data-nav': true }, 'Go to the first page')));
    }
    renderPager(s, total, exact && !folded, hits.length);
    renderFacets(s, facets);
    renderFilters(s);
    setView('results');
    document.title = `${s.q || [s.since, s.until].filter(Boolean).join(' – ')} — newsidx`;
    afterShow();
  }

  function hitItem(hit) {
    const id = String(hit.id_str != null ? hit.id_str : hit.id);
    const li = h('li', { class: 'hit', 'data-id': id });
    li.appendChild(h('h2', { class: 'hit-head' },
      h('a', { class: 'title', href: articleUrl(id), 'data-nav': true }, hit.title || hit.path || '(untitled)')));
    li.appendChild(metaLine(hit, false));
    if (hit.snippet) li.appendChild(h('p', { class: 'snippet' }, marked(hit.snippet, hit.highlights)));
    const q = hit.quote;
    if (q && typeof q === 'object' && q.text) li.appendChild(quoteBlock(q.text, q.speaker, q.highlights));
    const copies = Number(hit.copies) || 0;
    if (copies > 0) {
      const from = list(hit.copies_from);
      const more = copies > 5 ? ', …' : '';
      li.appendChild(h('div', { class: 'meta copies' },
        `+${plural(copies, 'copy', 'copies')}${from.length ? ': ' + from.join(', ') + more : ''}`));
    }
    return li;
  }

  function renderPager(s, total, exact, n) {
    const prev = $('prev');
    const next = $('next');
    const offset = (s.page - 1) * PAGE;
    prev.hidden = s.page <= 1;
    if (!prev.hidden) prev.href = urlFor({ ...s, page: s.page - 1 });
    // The API pages no deeper than offset 10,000.
    next.hidden = !(offset + PAGE < total) || n < PAGE || offset + PAGE > MAX_OFFSET;
    if (!next.hidden) next.href = urlFor({ ...s, page: s.page + 1 });
    const pages = Math.max(1, Math.ceil(total / PAGE));
    $('pageinfo').textContent = (total > PAGE || s.page > 1) ? (exact ? `Page ${s.page} of ${pages}` : `Page ${s.page}`) : '';
    $('pager').hidden = prev.hidden && next.hidden;
  }

  const sameFilter = (a, b) => a[0] === b[0] && a[1] === b[1];
  function withoutFilter(s, f) {
    return { ...s, filters: s.filters.filter((g) => !sameFilter(g, f)), page: 1 };
  }
  function renderFilters(s) {
    const box = $('filters');
    box.replaceChildren();
    for (const f of s.filters) {
      box.appendChild(h('a', {
        class: 'filter', href: urlFor(withoutFilter(s, f)), 'data-nav': true, title: 'Remove this filter',
      }, `${f[0]}: ${f[1]}`, h('span', { class: 'x', 'aria-hidden': 'true' }, ' ×')));
    }
    box.hidden = !s.filters.length;
  }

  // ---------- facets ----------
  function facetTarget(s, name, value) {
    if (name === 'year') {
      const active = s.since === value && s.until === value;
      return { active, href: urlFor({ ...s, since: active ? '' : value, until: active ? '' : value, page: 1 }) };
    }
    const f = [name, value];
    if (s.filters.some((g) => sameFilter(g, f))) return { active: true, href: urlFor(withoutFilter(s, f)) };
    return { active: false, href: urlFor({ ...s, filters: [...s.filters, f], page: 1 }) };
  }
  function renderFacets(s, facets) {
    const aside = $('facets');
    aside.replaceChildren();
    for (const [name, label] of SECTIONS) {
      let vals = Array.isArray(facets[name]) ? facets[name] : [];
      vals = vals.filter((v) => v && v.value != null && String(v.value) !== '').slice(0, 10);
      if (!vals.length) continue;
      if (name === 'year') vals = vals.slice().sort((a, b) => String(b.value).localeCompare(String(a.value)));
      const ul = h('ul');
      for (const v of vals) {
        const value = String(v.value);
        const t = facetTarget(s, name, value);
        let title = t.active ? 'Remove this filter' : null;
        if (name === 'lang' && !t.active && langNames) { try { title = langNames.of(value); } catch (_) { /* not a code */ } }
        ul.appendChild(h('li', null, h('a', {
          class: 'facet-value' + (t.active ? ' active' : ''), href: t.href, 'data-nav': true,
          'aria-current': t.active ? 'true' : null, title,
        }, value, ' ', h('span', { class: 'count' }, nf.format(Number(v.count) || 0)))));
      }
      aside.appendChild(h('section', { class: 'facet', 'data-facet': name }, h('h2', null, label), ul));
    }
    aside.hidden = !aside.firstChild;
  }

  // ---------- histogram ----------
  function renderHistogram(s, facets) {
    const box = $('histogram');
    box.replaceChildren();
    const counts = new Map();
    for (const v of Array.isArray(facets.month) ? facets.month : []) {
      const m = /^(\d{4})-(\d{2})$/.exec(String(v && v.value));
      const c = Number(v && v.count) || 0;
      if (!m || c <= 0) continue;
      const i = Number(m[1]) * 12 + Number(m[2]) - 1;
      counts.set(i, (counts.get(i) || 0) + c);
    }
    if (counts.size < 2) { box.hidden = true; return; }
    const keys = [...counts.keys()];
    const lo = Math.min(...keys);
    const hi = Math.max(...keys);
    const pad2 = (n) => String(n).padStart(2, '0');
    const bins = [];
    let unit = 'month';
    if (hi - lo + 1 > MAX_MONTHS) {
      unit = 'year';
      const years = new Map();
      for (const v of Array.isArray(facets.year) ? facets.year : []) {
        const y = /^\d{4}$/.test(String(v && v.value)) ? Number(v.value) : NaN;
        if (Number.isFinite(y) && Number(v.count) > 0) years.set(y, (years.get(y) || 0) + Number(v.count));
      }
      if (years.size === 0) for (const [i, c] of counts) years.set(Math.floor(i / 12), (years.get(Math.floor(i / 12)) || 0) + c);
      const ys = [...years.keys()];
      for (let y = Math.min(...ys); y <= Math.max(...ys); y++) bins.push({ key: String(y), count: years.get(y) || 0 });
    } else {
      for (let i = lo; i <= hi; i++) bins.push({ key: `${Math.floor(i / 12)}-${pad2((i % 12) + 1)}`, count: counts.get(i) || 0 });
    }
    const max = Math.max(1, ...bins.map((b) => b.count));
    const bars = h('div', { class: 'bars' });
    for (const b of bins) {
      const active = s.since === b.key && s.until === b.key;
      const tip = `${b.key}: ${articles(b.count)}`;
      const fill = h('span', { class: 'fill' });
      fill.style.height = b.count ? `${Math.max(3, (b.count / max) * 100)}%` : '0';
      bars.appendChild(h('a', {
        class: 'bar' + (b.count ? '' : ' empty') + (active ? ' active' : ''),
        href: urlFor({ ...s, since: b.key, until: b.key, page: 1 }), 'data-nav': true,
        title: tip, 'aria-label': tip, 'data-key': b.key,
      }, fill));
    }
    const first = bins[0].key;
    const last = bins[bins.length - 1].key;
    box.appendChild(h('div', { class: 'hist-head' }, unit === 'month' ? 'Articles per month' : 'Articles per year'));
    box.appendChild(bars);
    box.appendChild(h('div', { class: 'axis', 'aria-hidden': 'true' }, h('span', null, first), h('span', null, last)));
    box.hidden = false;
  }

  // ---------- article ----------
  async function showArticle(s, signal, live) {
    const id = s.article;
    const enc1 = encodeURIComponent(id);
    const similar = api(`/api/similar/${enc1}?limit=5`, signal).catch((e) => e);
    let doc;
    try {
      doc = await api(`/api/article/${enc1}`, signal);
    } catch (e) {
      if (e && e.status === 404 && live()) {
        clearError();
        const art = $('article');
        art.replaceChildren(backLink(),
          h('h1', null, 'Article not found'),
          h('p', { class: 'notfound' }, `No article with id ${id} is in the index. It may have been removed, or the index was rebuilt from another corpus.`),
          e.message ? h('p', { class: 'muted' }, e.message) : null);
        setView('article');
        document.title = 'Article not found — newsidx';
        afterShow();
        return;
      }
      throw e;
    }
    if (!live()) return;
    clearError();
    const art = $('article');
    art.replaceChildren();
    const title = doc.title || doc.path || '(untitled)';
    art.appendChild(backLink());
    art.appendChild(h('h1', { tabindex: '-1' }, title));
    art.appendChild(metaLine(doc, true));
    const body = h('div', { class: 'body', lang: doc.lang ? String(doc.lang) : null });
    for (const line of String(doc.body || '').split('\n')) {
      if (line.trim()) body.appendChild(h('p', null, line));
    }
    if (!body.firstChild) body.appendChild(h('p', { class: 'muted' }, 'This article has no body text.'));
    art.appendChild(body);
    const quotes = Array.isArray(doc.quotes) ? doc.quotes.filter((q) => q && q.text) : [];
    if (quotes.length) {
      art.appendChild(h('section', { class: 'quotes' }, h('h2', null, 'Quotes'),
        quotes.map((q) => quoteBlock(q.text, q.speaker, null))));
    }
    const simSec = h('section', { class: 'similar' }, h('h2', null, 'Similar articles'));
    const simBody = h('p', { class: 'muted' }, 'Loading…');
    simSec.appendChild(simBody);
    art.appendChild(simSec);
    setView('article');
    document.title = `${title} — newsidx`;
    afterShow();

    const sim = await similar;
    if (!live()) return;
    if (sim instanceof Error) {
      if (sim.name === 'AbortError') return;
      simBody.textContent = `Could not load similar articles: ${sim.message}`;
      return;
    }
    const hits = (Array.isArray(sim.hits) ? sim.hits : []).filter((x) => String(x.id_str) !== id);
    if (!hits.length) { simBody.textContent = 'No similar articles.'; return; }
    simSec.replaceChild(h('ul', { id: 'similar' }, hits.map((x) => h('li', null,
      h('a', { class: 'title', href: articleUrl(String(x.id_str)), 'data-nav': true }, x.title || x.path || '(untitled)'),
      metaLine({ date: x.date, source: x.source, authors: x.authors }, false)))), simBody);
  }
  function backLink() {
    return h('a', { id: 'back', class: 'back', href: lastSearch || '/', 'data-nav': true }, '← Back to results');
  }

  // ---------- start ----------
  api('/api/stats').then((st) => {
    const n = Number(st.documents);
    if (Number.isFinite(n)) $('stats').textContent = articles(n);
    if (st.last_update) $('stats').title = `Last updated ${st.last_update}`;
  }).catch(() => { /* the count is a nicety */ });
  render();
})();
