//! Stage 2, HTML reader: one parse per page, then metadata here and the main text in
//! [`body`].
//!
//! Metadata in order of trust: JSON-LD (an article object, else any object with a headline
//! or an author), Open Graph and `article:` tags, `<meta name=...>` (any case), `itemprop`,
//! `<time>`, byline elements and links to author pages, the canonical URL, a date in the
//! URL, `<html lang>`. The title is the on-page `<h1>` when it restates the stated title
//! (SEO titles are rewritten); authors are people only (no organisations, roles or the
//! site itself); entities left in values are decoded.
//!
//! The tree is walked iteratively (`traverse`), so deeply nested markup cannot overflow the stack.

mod body;

use crate::text::squash;
use std::collections::HashMap;

use scraper::{Html, Selector};
use serde_json::Value;

use super::{Markup, RawArticle};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector is valid")
}

/// Reads an HTML page into one raw article.
pub fn read_html(text: &str) -> RawArticle {
    let text = super::depth::cap_depth(text, super::depth::MAX_DEPTH);
    let doc = Html::parse_document(&text);
    let ld = json_ld(&doc);
    // All <meta> tags once, keyed by their lower-cased property, name or itemprop:
    // one walk of the page instead of one per key looked up.
    let metas: Vec<(String, &str)> = doc
        .select(&sel("meta[content]"))
        .filter_map(|m| {
            let v = m.value();
            let key = v
                .attr("property")
                .or_else(|| v.attr("name"))
                .or_else(|| v.attr("itemprop"))?;
            Some((key.to_ascii_lowercase(), v.attr("content")?))
        })
        .collect();
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            metas
                .iter()
                .filter(|(key, _)| key.eq_ignore_ascii_case(k))
                .map(|(_, c)| unescape(c))
                .find(|c| !c.is_empty())
        })
    };

    let source = ld
        .as_ref()
        .and_then(|a| a.get("publisher"))
        .and_then(ld_name)
        .or_else(|| meta(&["og:site_name", "application-name"]));
    let stated_title = ld
        .as_ref()
        .and_then(|a| a.get("headline"))
        .and_then(ld_text)
        .or_else(|| meta(&["og:title", "twitter:title"]))
        .or_else(|| {
            doc.select(&sel("title"))
                .next()
                .map(|t| squash(&t.text().collect::<String>()))
        })
        .filter(|t| !t.is_empty())
        .map(|t| strip_site_suffix(&t, source.as_deref()));
    let title = headline(&doc, stated_title.as_deref(), source.as_deref()).or(stated_title);

    let ld_authors: Vec<String> = ld
        .as_ref()
        .and_then(|a| a.get("author"))
        .map(ld_names)
        .unwrap_or_default();
    // The first author tag, in order of trust, that names people (a page may state its
    // newsroom in one `author` tag and the reporter in the next).
    let meta_authors = AUTHOR_META
        .iter()
        .flat_map(|k| metas.iter().filter(move |(key, _)| key == k))
        .map(|(_, c)| unescape(c))
        .chain(yoast_author(&metas))
        .filter(|a| !a.starts_with("http"))
        .map(|a| crate::text::names::split_names(&a))
        .find(|names| !names.is_empty())
        .unwrap_or_default();
    // JSON-LD is trusted first, but some pages list only the first of several authors
    // there: meta tags naming those and more are the fuller byline.
    let mut authors = if ld_authors.is_empty() || names_more(&meta_authors, &ld_authors) {
        meta_authors
    } else {
        ld_authors
    };
    if authors.is_empty() {
        authors = byline_names(&doc);
    }
    if authors.is_empty() {
        authors = written_byline(&doc);
    }
    if authors.is_empty() {
        authors = labelled_byline(&doc);
    }
    // A site or publisher named as the author is not a person.
    authors.retain(|a| !source.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(a)));
    // Magazines list the photographer and stylist among a story's authors; the page
    // credits them as such (`Photography by`). The writer stays, whatever else is said.
    // (Only a second author can be one: the page's text is read only then.)
    if authors.len() > 1 {
        let credited = photo_credits(&doc);
        if authors
            .iter()
            .any(|a| !credited.contains(&a.to_lowercase()))
        {
            authors.retain(|a| !credited.contains(&a.to_lowercase()));
        }
    }
    // Agencies credited where the authors are (meta tags, JSON-LD, byline elements),
    // apart from the people. (Photo credits name agencies too: they are not read.)
    let mut credits: Vec<String> = Vec::new();
    for key in AUTHOR_META {
        credits.extend(meta(&[key]));
    }
    if let Some(a) = ld.as_ref().and_then(|a| a.get("author")) {
        credits.extend(ld_all_names(a));
    }
    credits.extend(
        doc.select(&sel(
            "[rel=author], [itemprop=author], [class*=byline i], [class*=author i], \
             [class*=agency i]",
        ))
        .filter(|e| !in_picture(e))
        .map(|e| squash(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty() && t.chars().count() <= 80),
    );
    let agencies = crate::text::agencies::credited(credits.iter().map(String::as_str));
    let newsroom = newsroom(
        ld.as_ref().and_then(|a| a.get("author")),
        meta(AUTHOR_META).as_deref(),
        source.as_deref(),
    );
    let mut seen = Vec::new();
    authors.retain(|a| {
        let key = a.to_lowercase();
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });

    let url = doc
        .select(&sel("link[rel=canonical]"))
        .filter_map(|l| l.value().attr("href"))
        .map(str::to_string)
        .next()
        .or_else(|| meta(&["og:url"]))
        .or_else(|| ld.as_ref().and_then(|a| a.get("url")).and_then(ld_text));
    // The first candidate, in order of trust, that reads as a date, at the offset the
    // page shows when another candidate is the same instant in local time.
    let dates: Vec<String> = ld
        .as_ref()
        .and_then(|a| a.get("datePublished").or_else(|| a.get("dateCreated")))
        .and_then(ld_text)
        .into_iter()
        .chain(meta(&[
            "article:published_time",
            "og:article:published_time",
            "article:published",
            "datePublished",
            "date",
            "pubdate",
            "publishdate",
            "publish-date",
            "parsely-pub-date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "sailthru.date",
        ]))
        .chain(
            doc.select(&sel(
                "[itemprop=datePublished], time[datetime], time[pubdate]",
            ))
            // A time in a list is a story's in a list of stories.
            .filter(|t| !in_list(t))
            .take(8)
            .filter_map(|t| {
                let v = t.value();
                v.attr("datetime")
                    .or_else(|| v.attr("content"))
                    .map(str::to_string)
                    .or_else(|| Some(squash(&t.text().collect::<String>())))
            }),
        )
        .chain(url.as_deref().and_then(date_in_url))
        .collect();
    // The text of time and date elements: a date of last resort, and the wall clock the
    // page shows for an instant stated above.
    let shown: Vec<String> = doc
        .select(&sel("time, [class*=date i], [id*=date i], [class*=time]"))
        .take(20)
        .map(|t| squash(&t.text().collect::<String>()))
        .collect();
    let parse = |dates: &[String]| dates.iter().find_map(|d| crate::text::dates::parse_date(d));
    let mut candidates = dates;
    // Between the two, a date given as a labelled fact (`Datum 28.04.2023`), looked for
    // only when the page states none (most pages never need the walk).
    let stated = parse(&candidates).or_else(|| {
        candidates.extend(labelled_dates(&doc));
        parse(&candidates)
    });
    candidates.extend(shown);
    let date = stated
        .or_else(|| parse(&candidates))
        .map(|d| crate::text::dates::at_local_offset(&d, &candidates));

    let lang = doc
        .root_element()
        .value()
        .attr("lang")
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .or_else(|| {
            ld.as_ref()
                .and_then(|a| a.get("inLanguage"))
                .and_then(ld_text)
        });

    let body = body::main_text(&doc);
    let body = if body.trim().is_empty() {
        ld.as_ref()
            .and_then(|a| a.get("articleBody"))
            .and_then(ld_text)
            .unwrap_or_default()
    } else {
        body
    };
    RawArticle {
        record: None,
        markup: Markup::Html,
        title,
        authors,
        agencies,
        newsroom,
        date,
        source,
        url,
        lang,
        body,
        fetched_url: None,
        fetched_date: None,
    }
}

/// `<meta>` names and properties that credit a page's authors, most trusted first.
const AUTHOR_META: &[&str] = &[
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
fn yoast_author(metas: &[(String, &str)]) -> Option<String> {
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
const AUTHOR_PAGES: &[&str] = &[
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
fn byline_names(doc: &Html) -> Vec<String> {
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
const MAX_BYLINE_NAMES: usize = 4;

/// Whether `e` is in the credit line of a picture: a block a few levels up follows
/// right after an image whose `alt` is a sentence (the caption), so `By X` there names
/// the photographer. An author's portrait beside a byline is described by a name or not
/// at all.
fn under_picture(e: &scraper::ElementRef) -> bool {
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
fn in_menu(e: &scraper::ElementRef, menus: &mut HashMap<ego_tree::NodeId, bool>) -> bool {
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
fn in_list(e: &scraper::ElementRef) -> bool {
    e.ancestors()
        .filter_map(scraper::ElementRef::wrap)
        .any(|a| a.value().name() == "li")
}

/// Whether `more` names everyone `these` names, and more people besides.
fn names_more(more: &[String], these: &[String]) -> bool {
    more.len() > these.len()
        && these
            .iter()
            .all(|t| more.iter().any(|m| m.eq_ignore_ascii_case(t)))
}

/// Names (lower-cased) the page credits for pictures or styling, not for words:
/// `Photography by X`, `Photographer: X`, `Styled by X`, `Illustration by X`, the name in
/// the same text or the next. `Words and photos by X` credits the writer: not taken.
fn photo_credits(doc: &Html) -> Vec<String> {
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
fn written_byline(doc: &Html) -> Vec<String> {
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
fn labelled_byline(doc: &Html) -> Vec<String> {
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
fn labelled_dates(doc: &Html) -> Vec<String> {
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
fn labelled_facts<'a>(doc: &'a Html, labels: &'a [&str]) -> impl Iterator<Item = String> + 'a {
    static LABEL: std::sync::LazyLock<Selector> =
        std::sync::LazyLock::new(|| sel("strong, b, dt, th, label, span"));
    doc.select(&LABEL).filter_map(move |e| {
        let text = squash(&e.text().collect::<String>());
        let label = text.trim_end_matches(':').trim().to_lowercase();
        if !labels.contains(&label.as_str()) {
            return None;
        }
        let parent_text = e
            .parent()
            .and_then(scraper::ElementRef::wrap)
            .map(|p| squash(&p.text().collect::<String>()))
            .unwrap_or_default();
        let rest = parent_text
            .strip_prefix(text.as_str())
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .or_else(|| {
                e.next_siblings()
                    .filter_map(scraper::ElementRef::wrap)
                    .next()
                    .map(|n| squash(&n.text().collect::<String>()))
            })?;
        let rest = rest.trim_start_matches(':').trim().to_string();
        (!rest.is_empty() && rest.chars().count() <= 120).then_some(rest)
    })
}

/// A date written into the URL's path: `/2023/12/20/` or `2023-12-20`.
fn date_in_url(url: &str) -> Option<String> {
    static DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\.|$)")
            .expect("static regex")
    });
    let c = DATE.captures(url)?;
    let (y, m, d): (i32, u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

/// The headline shown on the page: the `<h1>` that shares most words with the title the
/// page states in its metadata (SEO titles are often rewritten: the `<h1>` is what
/// readers see). `None` when no `<h1>` reads as the headline.
fn headline(doc: &Html, stated: Option<&str>, site: Option<&str>) -> Option<String> {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let stated_words = stated.map(words).unwrap_or_default();
    let overlap = |h: &str| -> f64 {
        let hw = words(h);
        if hw.is_empty() || stated_words.is_empty() {
            return 0.0;
        }
        let shared = hw.iter().filter(|w| stated_words.contains(w)).count();
        shared as f64 / hw.len().max(stated_words.len()) as f64
    };
    let candidates: Vec<String> = doc
        .select(&sel("body h1"))
        .map(|h| squash(&h.text().collect::<String>()))
        .filter(|h| {
            let n = h.split_whitespace().count();
            (2..=40).contains(&n) && !site.is_some_and(|s| s.eq_ignore_ascii_case(h))
        })
        .collect();
    let best = candidates.iter().map(|h| (overlap(h), h)).fold(
        None::<(f64, &String)>,
        |best, (o, h)| match best {
            Some((bo, _)) if bo >= o => best,
            _ => Some((o, h)),
        },
    )?;
    // A headline that is the stated title after a few words more carries a kicker
    // (`News`, `Exclusive`) set in the same element: the stated title is the headline.
    let best_words = words(best.1);
    let extra = best_words.len().saturating_sub(stated_words.len());
    if !stated_words.is_empty() && (1..=3).contains(&extra) && best_words.ends_with(&stated_words) {
        return stated.map(str::to_string);
    }
    // One headline on the page, or one that plainly restates the stated title.
    // A bar in a headline parts it from a section (`Opinion | ... | Editorial`).
    (best.0 >= 0.3 || candidates.len() == 1 || stated.is_none()).then(|| {
        if best.1.contains(" | ") {
            strip_site_suffix(best.1, site)
        } else {
            without_media_label(best.1).to_string()
        }
    })
}

/// Decodes HTML entities left in metadata values (`&#8217;`, `&amp;#039;` in JSON-LD,
/// `&mdash;`), by letting the HTML parser read the value as a fragment.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return squash(s);
    }
    let mut s = s.to_string();
    // Escaped twice (`&amp;#8217;`) is common in JSON-LD written by templates.
    for _ in 0..2 {
        if !s.contains('&') {
            break;
        }
        s = Html::parse_fragment(&s)
            .root_element()
            .text()
            .collect::<String>();
    }
    squash(&s)
}

/// Drops a trailing (or leading) " | Site" part of a title, and a section before a bar;
/// a few parts at most (`Opinion | ... | Editorial`), so a title made of thousands of
/// bars costs no more than a few passes.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    const PASSES: usize = 3;
    let words = |s: &str| s.split_whitespace().count();
    let is_site = |s: &str| site.is_some_and(|site| s.trim().eq_ignore_ascii_case(site.trim()));
    let mut title = title.trim().to_string();
    for _ in 0..PASSES {
        let mut stripped = None;
        for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
            let parts: Vec<&str> = title.split(sep).collect();
            if parts.len() < 2 {
                continue;
            }
            let longest = parts.iter().map(|p| words(p)).max().unwrap_or(0);
            let last = parts[parts.len() - 1];
            if is_site(last) || (words(last) <= 4 && longest > words(last)) {
                stripped = Some(parts[..parts.len() - 1].join(sep));
                break;
            }
            // A section before a bar: `College Sports | Five prospects who may be underrated`.
            if is_site(parts[0]) || (sep == " | " && words(parts[0]) <= 3 && longest >= 5) {
                stripped = Some(parts[1..].join(sep));
                break;
            }
        }
        match stripped {
            Some(t) => title = t.trim().to_string(),
            None => break,
        }
    }
    without_media_label(&title).to_string()
}

/// A title without a trailing label of the media it comes with: `(video)`, `[PHOTOS]`.
fn without_media_label(title: &str) -> &str {
    static LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\s*[(\[](?:video|videos|photos?|pictures|gallery|watch|podcast|audio|live)[)\]]$",
        )
        .expect("static regex")
    });
    LABEL.find(title).map_or(title, |m| &title[..m.start()])
}

/// The first JSON-LD object typed as an article (looking into arrays and `@graph`),
/// else the first object with a headline or an author (a `Recipe`, a `WebPage`).
fn json_ld(doc: &Html) -> Option<Value> {
    let mut stack: Vec<Value> = doc
        .select(&sel("script[type=\"application/ld+json\"]"))
        .filter_map(|s| serde_json::from_str::<Value>(s.text().collect::<String>().trim()).ok())
        .collect();
    stack.reverse();
    let mut fallback = None;
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.into_iter().rev()),
            Value::Object(mut obj) => {
                if let Some(graph) = obj.remove("@graph") {
                    stack.push(graph);
                }
                let is_article = obj.get("@type").is_some_and(|t| {
                    let types: Vec<&str> = match t {
                        Value::String(s) => vec![s.as_str()],
                        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                        _ => vec![],
                    };
                    types
                        .iter()
                        .any(|t| t.ends_with("Article") || *t == "BlogPosting" || *t == "Report")
                });
                if is_article {
                    return Some(Value::Object(obj));
                }
                if fallback.is_none()
                    && (obj.contains_key("headline") || obj.contains_key("author"))
                {
                    fallback = Some(Value::Object(obj));
                }
            }
            _ => {}
        }
    }
    fallback
}

fn ld_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(unescape(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(ld_text),
        _ => None,
    }
}

fn ld_name(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o.get("name").and_then(ld_text),
        Value::Array(a) => a.iter().find_map(ld_name),
        other => ld_text(other),
    }
}

/// True for an element of a picture's caption or credit (`figcaption`, an `image-author`
/// class): agencies named there took the photo, not the story.
fn in_picture(e: &scraper::ElementRef) -> bool {
    std::iter::once(*e)
        .chain(e.ancestors().filter_map(scraper::ElementRef::wrap))
        .any(|a| {
            let el = a.value();
            matches!(el.name(), "figure" | "figcaption" | "picture")
                || el.attr("class").is_some_and(|c| {
                    let c = c.to_ascii_lowercase();
                    ["image", "photo", "caption", "media", "picture", "gallery"]
                        .iter()
                        .any(|w| c.contains(w))
                })
        })
}

/// Every name JSON-LD credits (people and organisations), as written.
fn ld_all_names(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().flat_map(ld_all_names).collect(),
        Value::Object(o) => o.get("name").map(ld_all_names).unwrap_or_default(),
        other => ld_text(other).into_iter().collect(),
    }
}

/// Whether a JSON-LD object is typed as an organisation of any kind (`Organization`,
/// `NewsMediaOrganization`, `Corporation`...).
fn is_organisation(o: &serde_json::Map<String, Value>) -> bool {
    let organisation = |t: &str| t.ends_with("Organization") || t == "Corporation";
    match o.get("@type") {
        Some(Value::String(t)) => organisation(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(organisation),
        _ => false,
    }
}

/// The newsroom a page names as the author instead of a person: the first name the
/// JSON-LD author or the author tag gives that names no person (`{"@type":
/// "Organization", "name": "DER SPIEGEL"}`, `Guardian staff reporter`, `FOCUS online`),
/// or the site itself, short, not a link or an address.
fn newsroom(
    ld_author: Option<&Value>,
    meta_author: Option<&str>,
    site: Option<&str>,
) -> Option<String> {
    ld_author
        .map(ld_all_names)
        .unwrap_or_default()
        .into_iter()
        .chain(meta_author.map(str::to_string))
        .map(|n| squash(&n))
        .find(|n| {
            n.chars().any(char::is_alphabetic)
                && n.chars().count() <= 60
                && !n.contains("://")
                && !n.contains('@')
                && (crate::text::names::split_names(n).is_empty()
                    || site.is_some_and(|s| s.eq_ignore_ascii_case(n)))
        })
}

fn ld_names(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().flat_map(ld_names).collect(),
        Value::Object(o) => {
            // Organisations are newsrooms and publishers, not people.
            if is_organisation(o) {
                return Vec::new();
            }
            // `"name": ["A", "B"]`: one person object naming several people.
            match o.get("name") {
                Some(Value::Array(names)) => names.iter().flat_map(ld_names).collect(),
                Some(name) => ld_text(name)
                    .map(|n| crate::text::names::split_names(&n))
                    .unwrap_or_default(),
                None => Vec::new(),
            }
        }
        Value::String(s) => crate::text::names::split_names(s),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Dam bursts after storm | The Valley Times</title>
<meta property="og:site_name" content="The Valley Times">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
<link rel="canonical" href="https://valley.example/dam">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Dam bursts after storm","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Organization","name":"Valley Wire"}]}]}</script>
</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Dam bursts after storm</h1>
<div class="share-bar">Share on Facebook</div>
<p>The dam above the village gave way on Tuesday night after two days of rain, residents said.</p>
<figure><img src="x.jpg"><figcaption>The dam in 2019. Photo: Bob</figcaption></figure>
<p>"We heard a roar," said Maria Lopez, who lives below the dam. Engineers had warned about the wall for years.</p>
</article><aside>Most read: other things</aside></main><footer>© 2024 Valley</footer>
<script>var x = "not text";</script></body></html>"#;

    #[test]
    fn baseline_page() {
        let a = read_html(PAGE);
        assert_eq!(a.title.as_deref(), Some("Dam bursts after storm"));
        assert_eq!(a.authors, ["Ann Lee"]);
        assert_eq!(a.date.as_deref(), Some("2024-03-05T08:30:00Z"));
        assert_eq!(a.source.as_deref(), Some("The Valley Times"));
        assert_eq!(a.url.as_deref(), Some("https://valley.example/dam"));
        assert_eq!(a.lang.as_deref(), Some("en"));
        assert!(a.body.contains("The dam above the village"), "{}", a.body);
        assert!(a.body.contains("\"We heard a roar,\""), "{}", a.body);
        for furniture in [
            "Home",
            "Share on Facebook",
            "Photo: Bob",
            "Most read",
            "©",
            "not text",
        ] {
            assert!(!a.body.contains(furniture), "{furniture} in {}", a.body);
        }
    }

    /// One page per source of metadata, in the order of trust the reader uses.
    #[test]
    fn metadata_sources_table() {
        struct Case {
            what: &'static str,
            head: &'static str,
            body: &'static str,
            title: Option<&'static str>,
            authors: &'static [&'static str],
            date: Option<&'static str>,
            source: Option<&'static str>,
            url: Option<&'static str>,
            lang: Option<&'static str>,
        }
        const NONE: Case = Case {
            what: "",
            head: "",
            body: "",
            title: None,
            authors: &[],
            date: None,
            source: None,
            url: None,
            lang: None,
        };
        let cases = [
            Case {
                what: "JSON-LD NewsArticle (entities escaped twice, publisher as source)",
                head: r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Mayor&amp;#8217;s plan","author":{"@type":"Person","name":"Ann Lee"},"datePublished":"2024-03-05T21:30:00-05:00","publisher":{"@type":"Organization","name":"Valley Times"}}</script>"#,
                title: Some("Mayor\u{2019}s plan"),
                authors: &["Ann Lee"],
                date: Some("2024-03-05T21:30:00-05:00"),
                source: Some("Valley Times"),
                ..NONE
            },
            Case {
                what: "JSON-LD of another type with an author (a Recipe)",
                head: r#"<script type="application/ld+json">[{"@type":"WebSite","name":"x"},{"@type":"Recipe","headline":"Mint cookies","author":[{"@type":"Person","name":"Erin Hall"}],"datePublished":"2023-12-22"}]</script>"#,
                title: Some("Mint cookies"),
                authors: &["Erin Hall"],
                date: Some("2023-12-22T00:00:00Z"),
                ..NONE
            },
            Case {
                what: "Open Graph and article: tags",
                head: r#"<meta property="og:title" content="Bridge reopens"><meta property="og:site_name" content="Coast News"><meta property="article:published_time" content="2024-09-02T07:45:00+01:00"><meta property="article:author" content="Bo Chen"><meta property="og:url" content="https://coast.example/bridge">"#,
                title: Some("Bridge reopens"),
                authors: &["Bo Chen"],
                date: Some("2024-09-02T07:45:00+01:00"),
                source: Some("Coast News"),
                url: Some("https://coast.example/bridge"),
                ..NONE
            },
            Case {
                what: "<meta name=author|date> in any case, <title> with the site suffix",
                head: r#"<title>Rates rise again - Money Daily</title><meta NAME="Author" content="By Jo Park and Sam Ode"><meta name="DATE" content="2024-01-31">"#,
                title: Some("Rates rise again"),
                authors: &["Jo Park", "Sam Ode"],
                date: Some("2024-01-31T00:00:00Z"),
                ..NONE
            },
            Case {
                what: "<time datetime> and a byline element",
                body: r#"<p class="byline">By <span class="byline__name">Maria Lopez</span> <time datetime="2022-05-06T10:00:00Z">6 May</time></p>"#,
                authors: &["Maria Lopez"],
                date: Some("2022-05-06T10:00:00Z"),
                ..NONE
            },
            Case {
                what: "a byline inside an article whose classes mention comments",
                body: r#"<article class="article-single comments-open"><p class="byline"><a rel="author" href="/author/ft/"><span>Ana Ruiz and Tom Hale, Financial Times</span></a></p></article>"#,
                authors: &["Ana Ruiz", "Tom Hale"],
                ..NONE
            },
            Case {
                what: "a byline written as text under the headline; a photo credit is not one",
                body: r#"<h1>Film opens in Jakarta</h1><div><small>posted on <time datetime="2023-12-19">2023-12-19</time></small> by Rafael Antonio Pineda</div>"#,
                title: Some("Film opens in Jakarta"),
                authors: &["Rafael Antonio Pineda"],
                date: Some("2023-12-19T00:00:00Z"),
                ..NONE
            },
            Case {
                what: "a standfirst ending in `by` and a name is not a byline",
                body: r#"<h1>Floods reach the valley towns</h1><p class="standfirst">Homes were hit by Storm Ciara</p><div>Updated 3 hours ago by Jo Park</div>"#,
                title: Some("Floods reach the valley towns"),
                authors: &["Jo Park"],
                ..NONE
            },
            Case {
                what: "a photo credit under the headline is not a byline",
                body: r#"<h1>Film opens in Jakarta</h1><figure><figcaption>Photo by Ann Lee</figcaption></figure>"#,
                title: Some("Film opens in Jakarta"),
                ..NONE
            },
            Case {
                what: "one JSON-LD person naming several people",
                head: r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":["Ann Lee","Bo Kim"]}}</script>"#,
                authors: &["Ann Lee", "Bo Kim"],
                ..NONE
            },
            Case {
                what: "meta tags naming the JSON-LD author and more: the fuller byline",
                head: r#"<meta name="author" content="Ann Lee,Bo Kim,Cy Young"><script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ann Lee"}}</script>"#,
                authors: &["Ann Lee", "Bo Kim", "Cy Young"],
                ..NONE
            },
            Case {
                what: "meta tags naming someone else do not override JSON-LD",
                head: r#"<meta name="author" content="Bo Kim,Cy Young"><script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ann Lee"}}</script>"#,
                authors: &["Ann Lee"],
                ..NONE
            },
            Case {
                what: "authors the page credits for photographs and styling are not writers",
                head: r#"<meta property="article:author" content="Ann Lee,Bo Kim,Cy Young">"#,
                body: r#"<p>By <a href="/contributor/ann">Ann Lee</a></p><p><span>Photography by </span><a href="/contributor/bo">Bo Kim</a></p><p>Stylist: Cy Young</p>"#,
                authors: &["Ann Lee"],
                ..NONE
            },
            Case {
                what: "words and photos by a writer: a writer still",
                head: r#"<meta name="author" content="Ann Lee, Bo Kim">"#,
                body: r#"<p>Words and photos by Ann Lee</p>"#,
                authors: &["Ann Lee", "Bo Kim"],
                ..NONE
            },
            Case {
                what: "the photographer's credit under a captioned picture is not the byline",
                body: r#"<div><img src="a.jpg" alt="The mayor speaks to residents outside the flooded town hall on Tuesday."><div><span>The mayor speaks to residents.</span><span>By <a href="/writer/1/Bo_Kim/">Bo Kim</a></span></div></div><div><span>By <a href="/writer/2/Ann_Lee/">Ann Lee</a>, Staff Writer</span></div>"#,
                authors: &["Ann Lee"],
                ..NONE
            },
            Case {
                what: "columnists in a menu are not the byline",
                body: r#"<ul><li><a href="/voices/editorials">Editorials</a></li><li><a href="/author/tom-peck">Tom Peck</a></li><li><a href="/author/jo-ma">Jo Ma</a></li></ul>"#,
                ..NONE
            },
            Case {
                what: "a story told to its writer",
                body: r#"<a class="author-name" href="/author/heather-eastman">Amie Mock as told to Heather Eastman</a>"#,
                authors: &["Heather Eastman"],
                ..NONE
            },
            Case {
                what: "a kicker set inside the <h1> is not part of the headline",
                head: r#"<meta property="og:title" content="Film opens in Jakarta this week">"#,
                body: r#"<h1><div class="sub-title">News</div> Film opens in Jakarta this week</h1>"#,
                title: Some("Film opens in Jakarta this week"),
                ..NONE
            },
            Case {
                what: "a date element named by its id",
                body: r#"<dl><dt>Posted</dt><dd id="date_posted">December 13, 2023</dd></dl>"#,
                date: Some("2023-12-13T00:00:00Z"),
                ..NONE
            },
            Case {
                what: "JSON-LD in UTC at the offset the page's <time> shows",
                head: r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-12-23T03:22:07Z"}</script>"#,
                body: r#"<time datetime="2023-12-22T22:22:07-0500">December 22, 2023 10:22PM EST</time>"#,
                date: Some("2023-12-22T22:22:07-05:00"),
                ..NONE
            },
            Case {
                what: "rel=author, itemprop=datePublished on a span",
                body: r#"<a rel="author" href="/p/1">Kim Ode</a> <span itemprop="datePublished" content="2021-07-08">8 July 2021</span>"#,
                authors: &["Kim Ode"],
                date: Some("2021-07-08T00:00:00Z"),
                ..NONE
            },
            Case {
                what: "a link to an author page; related-story authors in an aside are not bylines",
                body: r#"<div>By <a href="/author/ruth-ng">Ruth Ng</a></div><aside class="related"><a href="/author/someone-else">Someone Else</a></aside>"#,
                authors: &["Ruth Ng"],
                ..NONE
            },
            Case {
                what: "canonical URL with the date in its path, <html lang>",
                head: r#"<link rel="canonical" href="https://news.example/2023/12/20/storm-hits/">"#,
                url: Some("https://news.example/2023/12/20/storm-hits/"),
                date: Some("2023-12-20T00:00:00Z"),
                lang: Some("en"),
                ..NONE
            },
            Case {
                what: "the on-page <h1> over a rewritten SEO title",
                head: r#"<meta property="og:title" content="Storm news: dam bursts | Valley">"#,
                body: r#"<h1>Dam bursts after storm, village flooded</h1>"#,
                title: Some("Dam bursts after storm, village flooded"),
                ..NONE
            },
            Case {
                what: "organisations, roles and the site itself are not authors",
                head: r#"<meta property="og:site_name" content="Valley Times"><meta name="author" content="Valley Times Staff, The Associated Press">"#,
                body: r#"<a href="/author/valley-times">Valley Times</a>"#,
                source: Some("Valley Times"),
                ..NONE
            },
        ];
        for c in cases {
            let lang_attr = if c.lang.is_some() { " lang=\"en\"" } else { "" };
            let page = format!(
                "<!doctype html><html{lang_attr}><head>{}</head><body>{}<p>Body text of the article, long enough to be read as a paragraph by the reader.</p></body></html>",
                c.head, c.body
            );
            let a = read_html(&page);
            let what = c.what;
            if c.title.is_some() {
                assert_eq!(a.title.as_deref(), c.title, "title: {what}");
            }
            assert_eq!(a.authors, c.authors, "authors: {what}");
            assert_eq!(a.date.as_deref(), c.date, "date: {what}");
            if c.source.is_some() {
                assert_eq!(a.source.as_deref(), c.source, "source: {what}");
            }
            assert_eq!(a.url.as_deref(), c.url, "url: {what}");
            if c.lang.is_some() {
                assert_eq!(a.lang.as_deref(), c.lang, "lang: {what}");
            }
        }
    }

    #[test]
    fn site_suffix_table() {
        let cases = [
            (
                "Dam bursts | The Valley Times",
                Some("The Valley Times"),
                "Dam bursts",
            ),
            (
                "Dam bursts after a long storm - BBC News",
                None,
                "Dam bursts after a long storm",
            ),
            (
                "Valley Times | Dam bursts after storm",
                Some("Valley Times"),
                "Dam bursts after storm",
            ),
            ("No separator here", None, "No separator here"),
            (
                "College Sports | Five prospects who may be underrated",
                None,
                "Five prospects who may be underrated",
            ),
            (
                "Opinion | Leave child labor laws alone | Editorial",
                None,
                "Leave child labor laws alone",
            ),
            // Only a bar parts a section before the headline: a dash may be a speaker's.
            (
                "Larry Merchant - I'm not watching Floyd fight again",
                None,
                "Larry Merchant - I'm not watching Floyd fight again",
            ),
            (
                "NASA beams a cat video from deep space (video)",
                None,
                "NASA beams a cat video from deep space",
            ),
            (
                "Storm hits the coast [PHOTOS]",
                None,
                "Storm hits the coast",
            ),
        ];
        for (t, site, want) in cases {
            assert_eq!(strip_site_suffix(t, site), want);
        }
        // A title of thousands of bars overflowed the stack when each part was stripped
        // by a call of its own: a few passes, then it stands.
        let head = "A long headline with many words here";
        let bars = format!("{head}{}", " | x".repeat(20_000));
        let want = format!("{head}{}", " | x".repeat(19_997));
        assert_eq!(strip_site_suffix(&bars, None), want);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let a = read_html(&html);
        assert!(a.body.contains("deep text"));
    }

    /// A page listing 20,000 author links took 43 s (each link compared with every name
    /// taken and every link of its list): the byline stops at its names, and a list is
    /// read once.
    #[test]
    fn a_page_listing_twenty_thousand_authors_is_read_in_linear_time() {
        let name = |i: usize| -> String {
            let letters: String = (0..4)
                .map(|k| (b'a' + (i / 26usize.pow(k) % 26) as u8) as char)
                .collect();
            format!("Person {}{letters}", (b'A' + (i % 26) as u8) as char)
        };
        let items: String = (0..20_000)
            .map(|i| format!(r#"<li><a href="/author/p{i}">{}</a></li>"#, name(i)))
            .collect();
        let html = format!(
            "<html><body><h1>Story title here</h1><ul>{items}</ul><p>Body text of the article, long enough to be read as a paragraph.</p></body></html>"
        );
        let started = std::time::Instant::now();
        let a = read_html(&html);
        assert_eq!(a.authors, (0..4).map(name).collect::<Vec<_>>());
        // Generous for a debug build on a busy machine; it was 43 s in a release build.
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }
}
