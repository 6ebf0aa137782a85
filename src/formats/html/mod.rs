//! Stage 2, HTML reader: one parse per page, then metadata here, bylines and labelled
//! facts in [`byline`] and the main text in [`body`].
//!
//! Metadata in order of trust: JSON-LD (an article object, else any object with a headline
//! or an author), Open Graph and `article:` tags, `<meta name=...>` (any case), `itemprop`,
//! `<time>`, byline elements and links to author pages, the canonical URL, a date in the
//! URL, `<html lang>`. The title is the on-page `<h1>` when it restates the stated title
//! (SEO titles are rewritten); authors are people only (no organisations, roles or the
//! site itself; a newsroom named as the author is kept apart as the credit of last
//! resort); entities left in values are decoded.
//!
//! The tree is walked iteratively (`traverse`), so deeply nested markup cannot overflow the stack.

mod body;
mod byline;
mod script_data;

use crate::text::squash;

use scraper::{Html, Selector};
use serde_json::Value;

use super::{Markup, RawArticle};
use byline::*;
use script_data::{as_text, hydrated_body, teaser_of};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector is valid")
}

/// A `<meta>` key as it is compared: lower-cased, its separators (`:`, `_`, `-`, `.`) one
/// and the same, since sites write the same property in each way
/// (`article:published:time`, `og:site:name`, `publish_date`, `dc:date`).
fn meta_key(key: &str) -> String {
    key.chars()
        .map(|c| match c {
            ':' | '_' | '-' | '.' => ':',
            c => c.to_ascii_lowercase(),
        })
        .collect()
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
            Some((meta_key(key), v.attr("content")?))
        })
        .collect();
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            let k = meta_key(k);
            metas
                .iter()
                .filter(|(key, _)| *key == k)
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
        .map(|k| meta_key(k))
        .flat_map(|k| metas.iter().filter(move |(key, _)| *key == k))
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
    let stated_body = || {
        ld.as_ref()
            .and_then(|a| a.get("articleBody"))
            .and_then(ld_text)
    };
    let body = if body.trim().is_empty() {
        stated_body()
            .or_else(|| hydrated_body(&doc))
            .unwrap_or_default()
    } else {
        match stated_body() {
            // A page that shows the start of its story (a paywall's teaser) and states
            // the whole of it for search engines: the whole story.
            Some(whole) if whole.len() > 2 * body.len() && teaser_of(&body, &whole) => {
                as_text(&whole)
            }
            _ => body,
        }
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
        // (An author tag of one lower-case word is an account, `admin`, not a newsroom.)
        .chain(
            meta_author
                .filter(|a| a.contains([' ', '.']) || a.chars().any(char::is_uppercase))
                .map(str::to_string),
        )
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
mod tests;
