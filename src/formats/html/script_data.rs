//! Part of reading a web page (stage 2): the story where the page's HTML does not show it
//! all. A page drawn by its script carries the story in the data it hands the script
//! (Next.js `__NEXT_DATA__`, React Query state, any inline script: a string of HTML,
//! `"contentHtml":"\u003cp ..."`); a paywalled page shows a teaser and states the whole
//! story in its JSON-LD `articleBody` for search engines.

use std::sync::LazyLock;

use regex::Regex;
use scraper::Html;

use super::{body, sel};

/// Most strings of a page's script data read as pages (the longest first).
const MAX_CANDIDATES: usize = 8;

/// The story a page drawn by its script carries: of the strings of its inline scripts that
/// are HTML with paragraphs, the one whose main text is longest, read as a page of its own;
/// placeholders for ads in it (`$$ARTICLEAD$$`) go. `None` when no string gives text.
pub(super) fn hydrated_body(doc: &Html) -> Option<String> {
    static PLACEHOLDER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\$\$[A-Z0-9_]+\$\$").expect("static regex"));
    let mut candidates: Vec<String> = Vec::new();
    for script in doc.select(&sel("script:not([src])")) {
        let code: String = script.text().collect();
        // A quote mark inside another kind of literal (`'"'`) throws the reading of
        // string literals out of step: read them from both parities.
        let second = code.find('"').map_or(code.len(), |i| i + 1);
        for literal in json_strings(&code).chain(json_strings(&code[second..])) {
            if literal.len() < 200 || !has_paragraph(literal) {
                continue;
            }
            let Ok(html) = serde_json::from_str::<String>(literal) else {
                continue;
            };
            // HTML, not JSON that holds some (`5:["$","article",...]`).
            if html.trim_start().starts_with('<') && has_paragraph(&html) {
                candidates.push(html);
            }
        }
    }
    candidates.sort_by_key(|c| std::cmp::Reverse(c.len()));
    candidates.dedup();
    candidates
        .iter()
        .take(MAX_CANDIDATES)
        .map(|html| as_text(&PLACEHOLDER.replace_all(html, "")))
        .filter(|text| !text.trim().is_empty())
        .max_by_key(String::len)
}

/// Whether a string holds a paragraph element (`<p>`, `<p class=...>`, escaped as
/// `\u003cp` in JSON); `<path` and `<picture` are not.
fn has_paragraph(s: &str) -> bool {
    ["<p>", "<p ", "\\u003cp>", "\\u003cp "]
        .iter()
        .any(|p| s.contains(p))
}

/// A stated body as text: HTML (`<p>...</p>`) read as a page of its own, plain text as
/// it is.
pub(super) fn as_text(stated: &str) -> String {
    if has_paragraph(stated) || stated.contains("<br") {
        body::main_text(&Html::parse_document(&format!(
            "<body><article>{stated}</article></body>"
        )))
    } else {
        stated.to_string()
    }
}

/// Whether `shown`, the text a page shows, is the start of `whole`: its first long line
/// (the first 80 characters of it) is found in `whole`'s first quarter.
pub(super) fn teaser_of(shown: &str, whole: &str) -> bool {
    let Some(first) = shown
        .lines()
        .map(str::trim)
        .find(|l| l.chars().count() >= 80)
    else {
        return false;
    };
    let key: String = first.chars().take(80).collect();
    let mut quarter = (whole.len() / 4 + key.len()).min(whole.len());
    while !whole.is_char_boundary(quarter) {
        quarter -= 1;
    }
    whole[..quarter].contains(&key)
}

/// The JSON string literals in a script, quotes included: `"a \"b\""`.
fn json_strings(code: &str) -> impl Iterator<Item = &str> {
    let bytes = code.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes[at..].iter().position(|&b| b == b'"')?;
        let mut i = start + 1;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 2,
                b'"' => {
                    at = i + 1;
                    return Some(&code[start..=i]);
                }
                _ => i += 1,
            }
        }
        at = bytes.len();
        None
    })
}
