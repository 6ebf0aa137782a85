//! Part of the HTML reader (stage 2): who wrote a page and when it says so outside its
//! metadata. The author tags and their order of trust, the byline read from marked
//! elements and author-page links, a byline written as text under the headline, bylines
//! and dates given as labelled facts, and the names a page credits for pictures rather
//! than words.

use std::collections::HashMap;

use scraper::{Html, Selector};

use super::{sel, unescape};
use crate::text::squash;

/// `<meta>` names and properties that credit a page's authors, most trusted first.
pub(super) const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "cxenseparse:author",
];

/// The author WordPress's Yoast SEO writes as a labelled Twitter card field:
/// `twitter:label1` = `Written by` with `twitter:data1` = the name, or
/// `twitter:misc:Written by` = the name; the label in the site's language.
pub(super) fn yoast_author(metas: &[(String, &str)]) -> Option<String> {
    const WRITTEN_BY: &[&str] = &[
        "written by",
        "verfasst von",
        "geschrieben von",
        "écrit par",
        "escrito por",
        "scritto da",
        "geschreven door",
        "skriven av",
        "skrevet af",
        "skrevet av",
        "napisane przez",
    ];
    let written_by = |label: &str| WRITTEN_BY.contains(&unescape(label).to_lowercase().trim());
    metas.iter().find_map(|(key, content)| {
        if let Some(label) = key.strip_prefix("twitter:misc:") {
            return written_by(label).then(|| unescape(content));
        }
        let n = key.strip_prefix("twitter:label")?;
        if !written_by(content) {
            return None;
        }
        let data = format!("twitter:data{n}");
        metas
            .iter()
            .find(|(k, _)| *k == data)
            .map(|(_, c)| unescape(c))
    })
}

/// Paths of author pages: a link to one is a byline.
pub(super) const AUTHOR_PAGES: &[&str] = &[
    "/author/",
    "/authors/",
    "/writer/",
    "/writers/",
    "/bios/",
    "/staff/",
    "/journalist/",
    "/journalists/",
    "/reporter/",
    "/reporters/",
    "/contributor/",
    "/contributors/",
    "/byline/",
];

/// Author names from the page's byline: elements marked as the author (`rel=author`,
/// `itemprop=author`, author/byline class names) and links to author pages
/// (`/author/...`, `/writer/...`), outside navigation, asides and footers; in page
/// order, at most four (a byline names a few people; more is a list of stories).
pub(super) fn byline_names(doc: &Html) -> Vec<String> {
    const MARKED: &str = "[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], \
        [class*=author-name], [class*=author__name], [class*=authorName], [class*=AuthorName], \
        [class*=byline__name], [class*=byline-name], [class*=attribution__item-name], \
        [class*=author i] a, [class*=byline i] a, a[class*=author i]";
    let in_furniture = |e: &scraper::ElementRef| {
        e.ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .any(|a| {
                let el = a.value();
                // The classes of the page and article containers describe the page
                // (`article.comments-open`), not a region of furniture.
                let container = matches!(el.name(), "html" | "body" | "main" | "article");
                matches!(
                    el.name(),
                    "nav" | "aside" | "footer" | "figure" | "figcaption"
                ) || !container
                    && el.attr("class").is_some_and(|c| {
                        let c = c.to_ascii_lowercase();
                        c.contains("related") || c.contains("recommend") || c.contains("comment")
                    })
            })
    };
    fn add(names: &mut Vec<String>, text: String) {
        for n in crate::text::names::split_names(&text) {
            if !names.iter().any(|m| m.eq_ignore_ascii_case(&n)) {
                names.push(n);
            }
        }
    }
    // The byline is the first marked element that names someone, with the marked
    // elements near it (a few levels up share an ancestor); marks elsewhere on the page
    // are photo credits, related stories and comment authors.
    let mut names: Vec<String> = Vec::new();
    let near = |a: &scraper::ElementRef, b: &scraper::ElementRef| {
        let ups =
            |e: &scraper::ElementRef| e.ancestors().take(3).map(|n| n.id()).collect::<Vec<_>>();
        let (ua, ub) = (ups(a), ups(b));
        ua.iter().any(|x| ub.contains(x))
    };
    let mut first: Option<scraper::ElementRef> = None;
    let mut menus = HashMap::new();
    for (selector, links) in [(sel(MARKED), false), (sel("a[href]"), true)] {
        let author_link = |e: &scraper::ElementRef| {
            let href = e.value().attr("href").unwrap_or("").to_ascii_lowercase();
            !links || AUTHOR_PAGES.iter().any(|p| href.contains(p))
        };
        for e in doc.select(&selector) {
            if in_furniture(&e)
                || !author_link(&e)
                || first.is_some_and(|f| !near(&f, &e))
                || under_picture(&e)
                || in_menu(&e, &mut menus)
            {
                continue;
            }
            let before = names.len();
            add(&mut names, squash(&e.text().collect::<String>()));
            if names.len() > before && first.is_none() {
                first = Some(e);
            }
            // The first names are the byline's; a page listing thousands of author
            // links would otherwise be compared name by name with every other.
            if names.len() >= MAX_BYLINE_NAMES {
                break;
            }
        }
        if !names.is_empty() {
            break;
        }
    }
    names.truncate(MAX_BYLINE_NAMES);
    names
}

/// Most names a byline gives: more is a list of stories or people.
pub(super) const MAX_BYLINE_NAMES: usize = 4;

/// Whether `e` is in the credit line of a picture: a block a few levels up follows
/// right after an image whose `alt` is a sentence (the caption), so `By X` there names
/// the photographer. An author's portrait beside a byline is described by a name or not
/// at all.
pub(super) fn under_picture(e: &scraper::ElementRef) -> bool {
    e.ancestors().take(3).any(|a| {
        a.prev_siblings()
            .filter_map(scraper::ElementRef::wrap)
            .find(|prev| !matches!(prev.value().name(), "style" | "script" | "noscript"))
            .is_some_and(|prev| {
                prev.value().name() == "img"
                    && prev
                        .value()
                        .attr("alt")
                        .is_some_and(|alt| alt.split_whitespace().count() >= 8)
            })
    })
}

/// Whether `e` is an item of a menu: a list whose other items link elsewhere than to
/// people (`Editorials`, `Letters`, then the columnists). A byline listing several
/// authors links to people only.
/// `menus` remembers each list's answer: a list is read once however many links it has.
pub(super) fn in_menu(
    e: &scraper::ElementRef,
    menus: &mut HashMap<ego_tree::NodeId, bool>,
) -> bool {
    static LINKS: std::sync::LazyLock<Selector> = std::sync::LazyLock::new(|| sel("a[href]"));
    let Some(list) = e
        .ancestors()
        .filter_map(scraper::ElementRef::wrap)
        .take(4)
        .find(|a| matches!(a.value().name(), "ul" | "ol"))
    else {
        return false;
    };
    *menus.entry(list.id()).or_insert_with(|| {
        list.select(&LINKS).any(|a| {
            let href = a.value().attr("href").unwrap_or("").to_ascii_lowercase();
            !AUTHOR_PAGES.iter().any(|p| href.contains(p))
        })
    })
}

/// Whether `e` is inside a list item.
pub(super) fn in_list(e: &scraper::ElementRef) -> bool {
    e.ancestors()
        .filter_map(scraper::ElementRef::wrap)
        .any(|a| a.value().name() == "li")
}

/// Whether `more` names everyone `these` names, and more people besides.
pub(super) fn names_more(more: &[String], these: &[String]) -> bool {
    more.len() > these.len()
        && these
            .iter()
            .all(|t| more.iter().any(|m| m.eq_ignore_ascii_case(t)))
}

/// Names (lower-cased) the page credits for pictures or styling, not for words:
/// `Photography by X`, `Photographer: X`, `Styled by X`, `Illustration by X`, the name in
/// the same text or the next. `Words and photos by X` credits the writer: not taken.
pub(super) fn photo_credits(doc: &Html) -> Vec<String> {
    static CREDIT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)(?:^|[^\p{L}])(?P<and>(?:and|&)\s+)?(?:photo(?:graph(?:y|s|er|ers)?|s)?|images?|illustrations?|styl(?:ed|ing|ist)|video|graphics?)\s*(?:by\b|:)\s*(?P<rest>[^.;:|\n]*)",
        )
        .expect("static regex")
    });
    let mut credited = Vec::new();
    let mut want_next = false;
    for node in doc.root_element().descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let in_code = node
            .parent()
            .and_then(|p| p.value().as_element().map(|e| e.name()))
            .is_some_and(|n| matches!(n, "script" | "style" | "noscript" | "template"));
        let text = text.trim();
        if in_code || text.is_empty() {
            continue;
        }
        if std::mem::take(&mut want_next) {
            credited.extend(crate::text::names::split_names(text));
        }
        if text.len() > 300 {
            continue;
        }
        for c in CREDIT.captures_iter(text) {
            if c.name("and").is_some() {
                continue;
            }
            let rest = c.name("rest").map_or("", |r| r.as_str().trim());
            if rest.is_empty() {
                want_next = true;
            } else {
                credited.extend(crate::text::names::split_names(rest));
            }
        }
    }
    credited.iter_mut().for_each(|n| *n = n.to_lowercase());
    credited
}

/// A byline written as text, unmarked, just under the headline: `posted on <time> by
/// Rafael Antonio Pineda`. Looks at the short text runs that follow the first `<h1>` (a
/// byline comes before the story) for `by` and a capitalised name, at the start of the
/// run or after a date or a separator (`hit by Storm Ciara` in a standfirst is not a
/// byline); `Photo by ...` and other credits are not bylines.
pub(super) fn written_byline(doc: &Html) -> Vec<String> {
    static BY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?:[^.!?]*(?:\d|[|·,—–-])[^.!?]*?\s)?(?P<credit>(?i:photo|photos|image|images|video|illustration|graphic|picture|pictures|photograph)\s+)?[Bb]y\s+(?P<names>\p{Lu}[\p{L}'’.\-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}'’.\-]*){1,5})\s*$",
        )
        .expect("static regex")
    });
    let Some(h1) = doc.select(&sel("h1")).next() else {
        return Vec::new();
    };
    let mut after = false;
    let mut seen = 0;
    for node in doc.root_element().descendants() {
        if node.id() == h1.id() {
            after = true;
            continue;
        }
        if !after {
            continue;
        }
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let text = squash(text);
        if text.is_empty() || node.ancestors().any(|a| a.id() == h1.id()) {
            continue;
        }
        seen += 1;
        // Past the first paragraphs the story has begun.
        if seen > 12 || text.len() > 200 {
            break;
        }
        if let Some(c) = BY.captures(&text) {
            if c.name("credit").is_none() {
                return crate::text::names::split_names(&c["names"]);
            }
        }
    }
    Vec::new()
}

/// A byline given as a label and the name after it, in a list of facts about the story
/// (`<li><strong>Autorin/Autor</strong> Roman Goncharenko</li>`, `<dt>Author</dt>`), in
/// the languages newsidx meets.
pub(super) fn labelled_byline(doc: &Html) -> Vec<String> {
    const LABELS: &[&str] = &[
        "author",
        "authors",
        "written by",
        "reporter",
        "autor",
        "autorin",
        "autoren",
        "autorin/autor",
        "autor/in",
        "autor/-in",
        "auteur",
        "auteurs",
        "auteur(s)",
        "autore",
        "autori",
        "författare",
        "forfatter",
        "skribent",
        "texto",
    ];
    labelled_facts(doc, LABELS)
        .map(|rest| crate::text::names::split_names(&rest))
        .find(|names| !names.is_empty())
        .unwrap_or_default()
}

/// The publication date given as a label and the date after it, in a list of facts
/// about the story (`<strong>Datum</strong> 28.04.2023`, `<dt>Published</dt>`).
pub(super) fn labelled_dates(doc: &Html) -> Vec<String> {
    const LABELS: &[&str] = &[
        "date",
        "published",
        "published on",
        "posted",
        "posted on",
        "datum",
        "veröffentlicht",
        "veröffentlicht am",
        "publié le",
        "fecha",
        "publicado",
        "publicado el",
        "data",
        "pubblicato il",
        "publicerad",
        "publisert",
    ];
    labelled_facts(doc, LABELS).take(2).collect()
}

/// The texts that follow a label in a page's lists of facts: for each short element
/// (`strong`, `b`, `dt`, `th`, `label`, `span`) whose text is one of `labels` (any case,
/// a colon allowed), the rest of its parent's text, else the next element's; at most
/// 120 characters.
pub(super) fn labelled_facts<'a>(
    doc: &'a Html,
    labels: &'a [&str],
) -> impl Iterator<Item = String> + 'a {
    static LABEL: std::sync::LazyLock<Selector> =
        std::sync::LazyLock::new(|| sel("strong, b, dt, th, label, span"));
    // Labels are short: an element's text is read only to a little past the longest.
    const LONGEST_LABEL: usize = 40;
    doc.select(&LABEL).filter_map(move |e| {
        let mut raw = String::new();
        for t in e.text() {
            raw.push_str(t);
            if raw.len() > LONGEST_LABEL {
                return None;
            }
        }
        let text = squash(&raw);
        let label = text.trim_end_matches(':').trim().to_lowercase();
        if !labels.contains(&label.as_str()) {
            return None;
        }
        let next = || {
            e.next_siblings()
                .filter_map(scraper::ElementRef::wrap)
                .next()
                .map(|n| squash(&n.text().collect::<String>()))
        };
        // A term of a definition list or a table's header: the fact is the next element
        // (`<dt>Author</dt><dd>Jane Doe</dd><dt>Published</dt>...`).
        let rest = if matches!(e.value().name(), "dt" | "th") {
            next()?
        } else {
            let parent_text = e
                .parent()
                .and_then(scraper::ElementRef::wrap)
                .map(|p| squash(&p.text().collect::<String>()))
                .unwrap_or_default();
            parent_text
                .strip_prefix(text.as_str())
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .or_else(next)?
        };
        let rest = rest.trim_start_matches(':').trim().to_string();
        (!rest.is_empty() && rest.chars().count() <= 120).then_some(rest)
    })
}
