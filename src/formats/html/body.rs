//! Main text of a web page (part of the HTML reader, stage 2): the article and only the
//! article, one line per block.
//!
//! The method is Readability's, tuned for news pages:
//! 1. one pass measures every element: visible text, text inside links, commas;
//! 2. furniture subtrees are set aside: scripts, navigation, asides, figures and
//!    captions, hidden elements, and elements whose class or id names page furniture
//!    (share bars, related stories, comments, newsletter boxes, ...);
//! 3. every block with text of its own (a `<p>`, or a `<div>` holding text between
//!    `<br>`s) scores its container and the container's ancestors (more for longer text
//!    and more commas); a container's score is scaled by the share of its text that is
//!    not link text, and weighted by its class;
//! 4. the best container wins; an article cut into chunks (the same component class
//!    repeated, or near-equal candidates in other branches) is taken whole through their
//!    common ancestor; siblings that score near it or read as prose join it;
//! 5. its text is written out, dropping link lists, short caption/credit/byline blocks
//!    and lines made only of link text.
//!
//! When that gives almost nothing (a page without paragraphs, or furniture names on the
//! real content), the pass runs again without the class-name rules, then falls back to
//! the whole body.
//!
//! Everything walks the tree iteratively: deeply nested markup cannot overflow the stack.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

/// Elements whose whole subtree is never article text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "aside",
    "footer",
    "header",
    "button",
    "select",
    "textarea",
    "input",
    "iframe",
    "figure",
    "figcaption",
    "menu",
    "dialog",
    "object",
    "canvas",
    "video",
    "audio",
    "map",
    "head",
    "title",
];

/// Class/id words of page furniture, set aside unless the name also says "content".
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ad-break",
    "adbox",
    "advert",
    "agegate",
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "cookie",
    "consent",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "masthead",
    "newsletter",
    "outbrain",
    "pager",
    "pagination",
    "popup",
    "promo",
    "recommend",
    "related",
    "remark",
    "replies",
    "rss",
    "share",
    "sharing",
    "shoutbox",
    "sidebar",
    "signup",
    "skyscraper",
    "sponsor",
    "subscribe",
    "supplemental",
    "taboola",
    "toolbar",
    "trending",
    "most-read",
    "mostread",
    "most-popular",
    "yom-remote",
];

/// Class/id words of blocks that are furniture even inside the article container
/// (captions, credits, bylines), when their text is short.
const SMALL_FURNITURE: &[&str] = &[
    "caption",
    "credit",
    "byline",
    "dateline",
    "timestamp",
    "author",
    "tags",
    "share",
    "newsletter",
    "related",
    "promo",
    "advert",
    "subscribe",
    "signup",
    "recommend",
    "read-more",
    "readmore",
    "inline-ad",
    "print",
    "meta",
];

/// Class/id words that make a name content rather than furniture.
const MAYBE_CONTENT: &[&str] = &["article", "body", "column", "content", "main", "story"];

/// Class/id words that raise a container's score.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story", "prose",
];

/// Class/id words that lower a container's score.
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "foot",
    "footnote",
    "gdpr",
    "masthead",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
    "caption",
    "credit",
];

/// Elements that end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "br",
    "hr",
    "address",
    "center",
];

/// Shortest paragraph (in characters) that scores its ancestors.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// Less text than this from the scored pass means the pass failed.
const MIN_ARTICLE_CHARS: usize = 250;
/// A teaser (a linked title, an excerpt, a byline) is shorter than this, in visible
/// characters.
const TEASER_CHARS: usize = 400;

/// Class names of a grid's layout, which say nothing of what a block holds.
const LAYOUT: &[&str] = &[
    "row",
    "col",
    "column",
    "columns",
    "container",
    "wrapper",
    "wrap",
    "grid",
    "inner",
    "outer",
    "clearfix",
];

/// A block with a form control and fewer visible characters than this is a widget.
const WIDGET_CHARS: usize = 600;

/// Node ids are small integers; SipHash on them cost a twentieth of extraction time.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type IdMap<V> = HashMap<NodeId, V, BuildHasherDefault<IdHasher>>;

/// What the measuring pass knows about an element.
#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    /// Visible characters (whitespace excluded) outside furniture.
    text: usize,
    /// Of those, characters inside links.
    links: usize,
    /// Commas (any script's) in the text.
    commas: usize,
    /// Paragraphs inside (itself included) with at least [`MIN_PARAGRAPH_CHARS`].
    paragraphs: usize,
    /// Characters and commas of the element's own text: its text nodes and those of its
    /// inline children, not of child blocks. Text set straight into a `div` between
    /// `<br>`s is a paragraph as much as a `<p>` is.
    own: usize,
    own_commas: usize,
    /// Holds an `h2`-`h6` that is all link text: another page's title.
    linked_heading: bool,
    /// Images and links inside.
    images: u32,
    link_count: u32,
    /// A `span` that is a card set inside the text (a picture and links, nothing else):
    /// the pop-up a name or term opens, with its other stories. [`Stats::card_inside`]
    /// keeps it to the smallest such span, so the name in the sentence stays.
    card: bool,
    card_inside: bool,
    /// Form controls inside (`input`, `button`, `select`, `textarea`, `label`) but not
    /// inside a paragraph, though set aside themselves: a small block
    /// (`div`, `section`, `form`, `table`) with one is a widget (a consent toggle for an
    /// embedded video, a newsletter sign-up, a poll), not article text.
    controls: u32,
}

impl Stats {
    fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.links as f64 / self.text as f64
        }
    }
}

/// The article text of a page, one line per block ("" when the page has none).
pub(super) fn main_text(doc: &Html) -> String {
    let body = doc
        .root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or_else(|| doc.root_element());
    let chars = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
    let strict = Page::measure(body, true).article(body).unwrap_or_default();
    if chars(&strict) >= MIN_ARTICLE_CHARS {
        return strict;
    }
    // Class names may have hidden the article: try without them, and keep that only
    // when it finds clearly more text (else the short article was the article).
    let page = Page::measure(body, false);
    let loose = page
        .article(body)
        .unwrap_or_else(|| page.text_of(&[body.id()]));
    if chars(&loose) > 2 * chars(&strict) {
        loose
    } else {
        strict
    }
}

/// The measured page: stats for every element outside furniture.
struct Page<'a> {
    stats: IdMap<Stats>,
    /// Whether class/id furniture rules apply (the first, strict pass).
    strict: bool,
    root: NodeRef<'a, Node>,
}

fn tag(node: NodeRef<'_, Node>) -> Option<&Element> {
    match node.value() {
        Node::Element(e) => Some(e),
        _ => None,
    }
}

fn names(el: &Element) -> String {
    format!(
        "{} {}",
        el.attr("class").unwrap_or(""),
        el.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase()
}

fn has_any(names: &str, words: &[&str]) -> bool {
    words.iter().any(|w| names.contains(w))
}

/// Hidden by markup, by an inline style or by the usual utility class names (stylesheets
/// are not read).
fn hidden(el: &Element) -> bool {
    const HIDDEN_CLASSES: &[&str] = &[
        "hidden",
        "d-none",
        "is-hidden",
        "sr-only",
        "visually-hidden",
        "screen-reader-text",
    ];
    el.attr("hidden").is_some()
        || el.classes().any(|c| HIDDEN_CLASSES.contains(&c))
        || el.attr("aria-hidden") == Some("true")
        || el.attr("style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            // (Clipped to nothing: text for screen readers only, `, opens new tab`.)
            s.contains("display:none")
                || s.contains("visibility:hidden")
                || s.contains("clip:rect(0000)")
                || s.contains("clip:rect(0,0,0,0)")
                || s.contains("clip-path:inset(50%)")
        })
}

/// Furniture decided by tag, markup and (when `strict`) class names alone.
fn furniture(el: &Element, strict: bool) -> bool {
    if SKIP_TAGS.contains(&el.name()) {
        return true;
    }
    // A page may wrap everything in an element its scripts reveal later.
    if !strict {
        return false;
    }
    if hidden(el) {
        return true;
    }
    if matches!(el.name(), "body" | "html" | "a" | "article" | "main") {
        return false;
    }
    if el.attr("role").is_some_and(|r| {
        matches!(
            r,
            "navigation" | "complementary" | "banner" | "contentinfo" | "dialog" | "menu"
        )
    }) {
        return true;
    }
    let n = names(el);
    if n.split_whitespace().any(is_ad_token) {
        return true;
    }
    !n.trim().is_empty() && has_any(&n, UNLIKELY) && !maybe_content(&n)
}

/// Whether class and id names say "content" ([`MAYBE_CONTENT`]); a grid framework's
/// layout classes (`column`, `columns` in Bulma and Foundation) say nothing: `member
/// column comment` is a comment.
fn maybe_content(names: &str) -> bool {
    names
        .split_whitespace()
        .filter(|t| !matches!(*t, "column" | "columns"))
        .any(|t| MAYBE_CONTENT.iter().any(|w| t.contains(w)))
}

/// A class or id token naming an advertising slot: `ad`, `ads`, `ad-slot`, `top-ad`,
/// `adsbygoogle` (whole tokens, so "header" or "download" do not match).
fn is_ad_token(t: &str) -> bool {
    matches!(t, "ad" | "ads" | "advertisement" | "adsbygoogle")
        || ["ad-", "ad_", "ads-", "ads_", "adslot", "adunit", "dfp-"]
            .iter()
            .any(|p| t.starts_with(p))
        || t.ends_with("-ad")
        || t.ends_with("-ads")
        || t.ends_with("_ad")
}

fn class_weight(el: &Element) -> f64 {
    let n = names(el);
    if n.trim().is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    if has_any(&n, NEGATIVE) {
        w -= 25.0;
    }
    if has_any(&n, POSITIVE) {
        w += 25.0;
    }
    w
}

fn tag_weight(name: &str) -> f64 {
    match name {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn visible_chars(s: &str) -> (usize, usize) {
    let mut chars = 0;
    let mut commas = 0;
    for c in s.chars() {
        if !c.is_whitespace() {
            chars += 1;
        }
        if matches!(c, ',' | '，' | '、' | '،') {
            commas += 1;
        }
    }
    (chars, commas)
}

/// Blocks whose own text scores as a paragraph (not headings, list items, table rows).
fn scores_as_paragraph(name: &str) -> bool {
    matches!(
        name,
        "p" | "pre"
            | "td"
            | "blockquote"
            | "div"
            | "section"
            | "article"
            | "main"
            | "dd"
            | "center"
    )
}

impl<'a> Page<'a> {
    /// Pass 1: stats of every element under `root`, furniture subtrees left out.
    fn measure(root: ElementRef<'a>, strict: bool) -> Self {
        let mut stats = IdMap::default();
        // (element, its stats so far, inside a link)
        let mut stack: Vec<(NodeId, Stats)> = Vec::new();
        let mut skip = 0usize;
        let mut in_link = 0usize;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        if skip == 0 {
                            if let Some((_, s)) = stack.last_mut() {
                                match el.name() {
                                    "img" => s.images += 1,
                                    "input" | "button" | "select" | "textarea" | "label" => {
                                        s.controls += 1
                                    }
                                    _ => {}
                                }
                            }
                        }
                        if skip > 0 || (node.id() != root.id() && furniture(el, strict)) {
                            skip += 1;
                            continue;
                        }
                        if el.name() == "a" {
                            in_link += 1;
                        }
                        stack.push((node.id(), Stats::default()));
                    }
                    Node::Text(t) if skip == 0 => {
                        let (chars, commas) = visible_chars(t);
                        if let Some((_, s)) = stack.last_mut() {
                            s.text += chars;
                            s.commas += commas;
                            s.own += chars;
                            s.own_commas += commas;
                            if in_link > 0 {
                                s.links += chars;
                            }
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    let Node::Element(el) = node.value() else {
                        continue;
                    };
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    if el.name() == "a" {
                        in_link = in_link.saturating_sub(1);
                    }
                    let Some((id, mut s)) = stack.pop() else {
                        continue;
                    };
                    let inline = !BLOCK_TAGS.contains(&el.name());
                    if !inline && s.own >= MIN_PARAGRAPH_CHARS && scores_as_paragraph(el.name()) {
                        s.paragraphs += 1;
                    }
                    let all_link = s.text > 0 && s.links * 10 >= s.text * 9;
                    if matches!(el.name(), "h2" | "h3" | "h4" | "h5" | "h6") && all_link {
                        s.linked_heading = true;
                    }
                    if el.name() == "a" {
                        s.link_count += 1;
                    }
                    // (A control inside a paragraph is part of its prose: a stock ticker's
                    // watch-list button after the company's name. One in a list item is
                    // not: the options of a poll, the buttons of a share bar.)
                    if el.name() == "p" {
                        s.controls = 0;
                    }
                    s.card = el.name() == "span"
                        && all_link
                        && s.images > 0
                        && s.link_count >= 2
                        && !s.card_inside;
                    if let Some((_, parent)) = stack.last_mut() {
                        if inline {
                            parent.own += s.own;
                            parent.own_commas += s.own_commas;
                        }
                        parent.text += s.text;
                        parent.links += s.links;
                        parent.commas += s.commas;
                        parent.paragraphs += s.paragraphs;
                        parent.linked_heading |= s.linked_heading;
                        parent.images += s.images;
                        parent.link_count += s.link_count;
                        parent.card_inside |= s.card || s.card_inside;
                        parent.controls += s.controls;
                    }
                    stats.insert(id, s);
                }
            }
        }
        Page {
            stats,
            strict,
            root: *root,
        }
    }

    fn stats(&self, id: NodeId) -> Stats {
        self.stats.get(&id).copied().unwrap_or_default()
    }

    /// Passes 2-5: score, choose, write out. `None` when no block scored.
    fn article(&self, body: ElementRef<'a>) -> Option<String> {
        let mut scores: IdMap<f64> = IdMap::default();
        for node in body.descendants() {
            let Some(el) = tag(node) else { continue };
            let Some(s) = self.stats.get(&node.id()) else {
                continue; // furniture
            };
            if s.own < MIN_PARAGRAPH_CHARS || !scores_as_paragraph(el.name()) {
                continue;
            }
            let score = 1.0 + s.own_commas as f64 + (s.own as f64 / 100.0).min(3.0);
            // A `p` credits its container; a `div` holding text itself is the container.
            let holds_itself = !matches!(el.name(), "p" | "pre" | "td" | "blockquote");
            let chain = holds_itself
                .then_some(node)
                .into_iter()
                .chain(node.ancestors());
            for (level, anc) in chain.take(5).enumerate() {
                let Some(a) = tag(anc) else { break };
                if !self.stats.contains_key(&anc.id()) {
                    break;
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f64 * 3.0,
                };
                let entry = scores
                    .entry(anc.id())
                    .or_insert_with(|| tag_weight(a.name()) + self.weight(a));
                *entry += score / divider;
                if anc.id() == body.id() {
                    break;
                }
            }
        }
        let tree = body.tree();
        let final_score = |id: NodeId, raw: f64| raw * (1.0 - self.stats(id).link_density());
        let mut ranked: Vec<(NodeId, f64)> = scores
            .iter()
            .map(|(&id, &raw)| (id, final_score(id, raw)))
            .collect();
        // Highest score first; document order breaks ties, so the result is deterministic.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let &(mut top, mut top_score) = ranked.first()?;
        // An article cut into chunks (a container per section, ads between): other
        // blocks scoring close to the winner in other branches are part of the same
        // article; their common ancestor is the container.
        let ancestors_of = |id: NodeId| -> Vec<NodeId> {
            tree.get(id)
                .map(|n| n.ancestors().map(|a| a.id()).collect())
                .unwrap_or_default()
        };
        let top_ancestors = ancestors_of(top);
        let mut common: Option<NodeId> = None;
        // Chunks of one component share its class list, but for numbers that tell them
        // apart (`body-chunk html_0`, `body-chunk html_2`) and modifiers in the BEM
        // convention (`RichText RichText--lastPmb0`: the last chunk).
        let class_of = |id: NodeId| {
            tree.get(id)
                .and_then(tag)
                .and_then(|e| e.attr("class"))
                .map(|c| {
                    c.split_whitespace()
                        .filter(|t| !t.contains("--"))
                        .map(|t| {
                            t.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '_')
                        })
                        .collect::<Vec<_>>()
                })
                .filter(|c| !c.is_empty())
        };
        // A block with no class of its own is known by its nearest classed ancestor, up
        // to two levels up, and how far up that is (`<div class="text-container"><div>`
        // around each chunk).
        let component = |id: NodeId| {
            let node = tree.get(id)?;
            let own = class_of(id);
            if own.is_some() {
                return own.map(|c| (0, c));
            }
            // (A grid's layout classes (`row`, `col`, `container`) name no component.)
            node.ancestors()
                .take(2)
                .enumerate()
                .find_map(|(up, n)| class_of(n.id()).map(|c| (up + 1, c)))
                .filter(|(_, c)| !c.iter().all(|t| LAYOUT.contains(t)))
        };
        let top_class = component(top);
        for (rank, &(id, score)) in ranked.iter().enumerate().skip(1) {
            // The same component (same class list) scoring well is another chunk.
            let chunk = top_class.is_some()
                && component(id) == top_class
                && score >= (top_score * 0.2).max(10.0);
            if !(chunk || (rank <= 10 && score >= top_score * 0.75)) {
                continue;
            }
            let theirs = ancestors_of(id);
            if top_ancestors.contains(&id) || theirs.contains(&top) {
                continue;
            }
            // Lowest ancestor of the winner that is also theirs. Pieces of one article
            // share a container below `<body>`: a block whose only common ancestor with
            // the winner is the page itself (a teaser, a comment) is not one.
            let lca = top_ancestors.iter().find(|a| theirs.contains(a)).copied();
            if lca == Some(body.id()) {
                continue;
            }
            common = match (common, lca) {
                (None, l) => l,
                (Some(c), Some(l))
                    if top_ancestors.iter().position(|a| *a == l)
                        > top_ancestors.iter().position(|a| *a == c) =>
                {
                    Some(l)
                }
                (c, _) => c,
            };
        }
        if let Some(c) = common {
            if c != body.id() && self.stats(c).link_density() < 0.35 {
                top_score = scores
                    .get(&c)
                    .map_or(top_score, |&raw| final_score(c, raw).max(top_score));
                top = c;
            }
        }
        // A container split into sibling blocks: climb while the parent holds clearly
        // more article text than the winner and still scores close to it.
        while let Some(parent) = tree.get(top).and_then(|n| n.parent()) {
            if parent.id() == body.id() || tag(parent).is_none() {
                break;
            }
            let p_score = scores
                .get(&parent.id())
                .map_or(0.0, |&raw| final_score(parent.id(), raw));
            let (ps, ts) = (self.stats(parent.id()), self.stats(top));
            let more_paragraphs = ps.paragraphs > ts.paragraphs
                && ps.link_density() < 0.25
                && p_score >= top_score * 0.75;
            if !more_paragraphs {
                break;
            }
            top = parent.id();
            top_score = p_score;
        }
        // Siblings that belong with the winner: scored close to it or read as prose.
        let top_node = tree.get(top)?;
        let threshold = (top_score * 0.2).max(10.0);
        let top_names = tag(top_node).map(names).unwrap_or_default();
        let mut parts = Vec::new();
        match top_node.parent() {
            Some(parent) if top != body.id() => {
                for sib in parent.children() {
                    let Some(el) = tag(sib) else { continue };
                    if sib.id() == top {
                        parts.push(sib.id());
                        continue;
                    }
                    let Some(s) = self.stats.get(&sib.id()) else {
                        continue;
                    };
                    let mut bonus = 0.0;
                    if !top_names.trim().is_empty() && names(el) == top_names {
                        bonus = top_score * 0.2;
                    }
                    let score = scores
                        .get(&sib.id())
                        .map_or(0.0, |&raw| final_score(sib.id(), raw))
                        + bonus;
                    let prose = el.name() == "p" && {
                        let ld = s.link_density();
                        (s.text > 80 && ld < 0.25)
                            || (s.text > 0 && ld == 0.0 && {
                                let t: String = sib
                                    .descendants()
                                    .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                                    .collect();
                                t.trim_end().ends_with('.')
                            })
                    };
                    if score >= threshold || prose {
                        parts.push(sib.id());
                    }
                }
            }
            _ => parts.push(top),
        }
        Some(self.text_of(&parts))
    }

    fn weight(&self, el: &Element) -> f64 {
        if self.strict {
            class_weight(el)
        } else {
            0.0
        }
    }

    /// Whether a block inside the chosen article is furniture after all: a link list,
    /// a short block named as furniture, a block that is mostly not prose.
    fn drop_inside(&self, node: NodeRef<'_, Node>, el: &Element) -> bool {
        let Some(s) = self.stats.get(&node.id()) else {
            return true; // furniture from the measuring pass
        };
        if !matches!(
            el.name(),
            "div" | "section" | "ul" | "ol" | "table" | "dl" | "span" | "p" | "li" | "form"
        ) {
            return false;
        }
        if self.strict && s.text < 300 {
            let n = names(el);
            if !n.trim().is_empty() && has_any(&n, SMALL_FURNITURE) {
                return true;
            }
        }
        let widget = s.controls > 0
            && s.text < WIDGET_CHARS
            && matches!(el.name(), "div" | "section" | "form" | "table");
        if s.card || widget {
            return true;
        }
        if el.name() == "p" || el.name() == "span" || el.name() == "li" {
            return false;
        }
        if Self::teaser(s) {
            return true;
        }
        let ld = s.link_density();
        let weight = self.weight(el);
        (weight < 0.0 && s.paragraphs < 2 && s.text < 1000)
            || (ld > 0.5 && s.paragraphs < 2)
            || (weight < 25.0 && ld > 0.33 && s.paragraphs == 0 && s.text < 500)
    }

    /// Whether a small block is another story's teaser: led by a heading that is all link
    /// (that story's title), with at most an excerpt, a byline or a date beside it, or a
    /// picture with links making a third of its text or more (a promo card: category,
    /// linked title, one-line description). The page's own headline (`h1`) is not a teaser.
    fn teaser(s: &Stats) -> bool {
        (s.linked_heading || (s.images > 0 && s.links * 10 >= s.text * 3)) && s.text < TEASER_CHARS
    }

    /// The text of the given elements, in order, one line per block.
    fn text_of(&self, parts: &[NodeId]) -> String {
        let mut out = String::new();
        let mut line = Line::default();
        let tree = self.root.tree();
        for &part in parts {
            let Some(root) = tree.get(part) else { continue };
            let mut skip = 0usize;
            let mut in_link = 0usize;
            for edge in root.traverse() {
                match edge {
                    Edge::Open(node) => match node.value() {
                        Node::Element(el) => {
                            if skip > 0 || (node.id() != part && self.drop_inside(node, el)) {
                                skip += 1;
                            } else if BLOCK_TAGS.contains(&el.name()) {
                                line.flush(&mut out);
                                line.heading =
                                    matches!(el.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                            } else if el.name() == "a" {
                                in_link += 1;
                            }
                        }
                        Node::Text(t) if skip == 0 => line.push(t, in_link > 0),
                        _ => {}
                    },
                    Edge::Close(node) => {
                        if let Node::Element(el) = node.value() {
                            if skip > 0 {
                                skip -= 1;
                            } else if BLOCK_TAGS.contains(&el.name()) {
                                line.flush(&mut out);
                            } else if el.name() == "a" {
                                in_link = in_link.saturating_sub(1);
                            }
                        }
                    }
                }
            }
            line.flush(&mut out);
        }
        out
    }
}

/// One output line being gathered, with how much of it is link text.
#[derive(Default)]
struct Line {
    text: String,
    chars: usize,
    link_chars: usize,
    /// Headings stay even when linked (a linked headline is still the headline).
    heading: bool,
}

impl Line {
    fn push(&mut self, t: &str, in_link: bool) {
        let (chars, _) = visible_chars(t);
        self.chars += chars;
        if in_link {
            self.link_chars += chars;
        }
        self.text.push_str(t);
    }

    /// Ends the line; a line made (85% or more) of link text is a teaser or a tag list, not
    /// prose: `<a>Plane passengers quarantined after outbreak</a> [NEWS]`. (90% kept such
    /// labelled teasers; 80% also dropped lines of dev pages' articles.)
    fn flush(&mut self, out: &mut String) {
        let t = crate::text::squash(&self.text);
        let all_link = !self.heading && self.chars > 0 && self.link_chars * 20 >= self.chars * 17;
        if !t.is_empty() && !all_link {
            out.push_str(&t);
            out.push('\n');
        }
        *self = Line::default();
    }
}

#[cfg(test)]
mod tests;
