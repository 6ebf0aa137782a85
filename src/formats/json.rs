//! JSON and JSON Lines readers. Keys follow the names news datasets use
//! (news-please, newspaper, NewsAPI, schema.org): the first key present wins.

use serde_json::{Map, Value};

use super::{Markup, Parsed, RawArticle};

const TITLE: &[&str] = &["title", "headline"];
const AUTHORS: &[&str] = &["authors", "author", "byline", "creator"];
const AGENCY: &[&str] = &["agency", "agencies", "wire", "credit"];
const DATE: &[&str] = &[
    "date",
    "published",
    "publishedAt",
    "published_at",
    "date_publish",
    "datePublished",
    "pubDate",
    "publish_date",
];
const URL: &[&str] = &["url", "link", "canonical_url"];
const SOURCE: &[&str] = &[
    "source",
    "site",
    "sitename",
    "site_name",
    "source_domain",
    "publisher",
];
const BODY: &[&str] = &[
    "text",
    "body",
    "content",
    "maintext",
    "articleBody",
    "article",
];
const LANG: &[&str] = &["lang", "language", "inLanguage"];

/// Reads a `.json` file: an article object or an array of them.
/// Errors name the line and column where the JSON breaks.
pub fn read_json(text: &str) -> Result<Vec<RawArticle>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "invalid JSON at line {}, column {}: {e}",
            e.line(),
            e.column()
        )
    })?;
    match value {
        Value::Object(obj) => article(&obj).map(|a| vec![a]),
        Value::Array(items) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                // Records count from 1 in every format: the nth element of an array, the
                // line number of a JSONL line.
                let n = i + 1;
                let obj = item
                    .as_object()
                    .ok_or_else(|| format!("record {n} (array element {i}) is not an object"))?;
                let mut a =
                    article(obj).map_err(|e| format!("record {n} (array element {i}): {e}"))?;
                a.record = Some(n as u64);
                out.push(a);
            }
            Ok(out)
        }
        _ => Err("expected an article object or an array of them".to_string()),
    }
}

/// Reads a `.jsonl` file: one article object per line. Bad lines are reported by
/// number in `problems` and the good ones kept.
pub fn read_jsonl(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Value>(line)
            .map_err(|e| format!("invalid JSON at column {}: {e}", e.column()))
            .and_then(|v| match v {
                Value::Object(obj) => article(&obj),
                _ => Err("not a JSON object".to_string()),
            });
        match result {
            Ok(mut a) => {
                a.record = Some(n as u64);
                parsed.articles.push(a);
            }
            Err(e) => parsed.problems.push(format!("line {n}: {e}")),
        }
    }
    parsed
}

fn article(obj: &Map<String, Value>) -> Result<RawArticle, String> {
    let body = first_text(obj, BODY).unwrap_or_default();
    let title = first_text(obj, TITLE);
    if body.trim().is_empty() && title.is_none() {
        return Err(format!(
            "no article text (expected one of the keys {})",
            BODY.join(", ")
        ));
    }
    let mut a = RawArticle::new(Markup::Plain, body);
    a.title = title;
    a.authors = first_key(obj, AUTHORS).map(names).unwrap_or_default();
    // Agencies credited as authors (`"author": "dpa"`), or in an agency key.
    let mut credits = first_key(obj, AUTHORS).map(raw_names).unwrap_or_default();
    credits.extend(first_key(obj, AGENCY).map(raw_names).unwrap_or_default());
    a.agencies = crate::text::agencies::credited(credits.iter().map(String::as_str));
    a.date = first_text(obj, DATE);
    a.url = first_text(obj, URL);
    a.source = first_key(obj, SOURCE).and_then(text_of);
    a.lang = first_text(obj, LANG);
    Ok(a)
}

fn first_key<'a>(obj: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter()
        .filter_map(|k| obj.get(*k))
        .find(|v| !v.is_null())
}

fn first_text(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().filter_map(|k| obj.get(*k)).find_map(text_of)
}

/// A string, a number, or an object's `name` — whatever names the thing.
fn text_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Object(o) => return o.get("name").and_then(text_of),
        Value::Array(items) => return items.iter().find_map(text_of),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// Every credited name as written: strings, array items, objects' `name`.
fn raw_names(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().flat_map(raw_names).collect(),
        other => text_of(other).into_iter().collect(),
    }
}

/// Author names from a string ("A and B", "A, B"), an array, or objects with `name`.
fn names(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().flat_map(names).collect(),
        Value::String(s) => crate::text::names::split_names(s),
        other => text_of(other).into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_as_datasets_use_them() {
        let cases = [
            (
                r#"{"headline":"H","byline":"By Ann Lee and Bo Kim","publishedAt":"2024-01-02","maintext":"Body.","site":"Daily"}"#,
                ("H", vec!["Ann Lee", "Bo Kim"], "2024-01-02", "Daily"),
            ),
            (
                r#"{"title":"T","authors":[{"name":"Ann Lee"}],"date_publish":"2024-01-02 10:00:00","text":"Body.","source":{"name":"Wire"}}"#,
                ("T", vec!["Ann Lee"], "2024-01-02 10:00:00", "Wire"),
            ),
        ];
        for (json, (title, authors, date, source)) in cases {
            let a = &read_json(json).unwrap()[0];
            assert_eq!(a.title.as_deref(), Some(title));
            assert_eq!(a.authors, authors);
            assert_eq!(a.date.as_deref(), Some(date));
            assert_eq!(a.source.as_deref(), Some(source));
            assert_eq!(a.body, "Body.");
        }
    }

    /// Records counted from 0 in arrays and from 1 in JSONL (`arr.json#0`, `lines.jsonl#1`)
    /// were two conventions for one idea; both count from 1 now.
    #[test]
    fn record_numbers_count_from_one_in_arrays_as_in_jsonl() {
        let v = read_json(r#"[{"title":"A","text":"a"},{"title":"B","text":"b"}]"#).unwrap();
        assert_eq!(
            v.iter().map(|a| a.record).collect::<Vec<_>>(),
            [Some(1), Some(2)]
        );
        let l = read_jsonl("{\"title\":\"A\",\"text\":\"a\"}\n{\"title\":\"B\",\"text\":\"b\"}\n");
        assert_eq!(
            l.articles.iter().map(|a| a.record).collect::<Vec<_>>(),
            [Some(1), Some(2)]
        );
        let err = read_json(r#"[{"title":"A","text":"a"}, 3]"#).unwrap_err();
        assert!(err.starts_with("record 2 "), "{err}");
    }

    #[test]
    fn truncated_json_names_line() {
        let err = read_json("{\"title\": \"A\",\n\"text\": \"b").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn jsonl_keeps_good_lines_and_reports_bad_ones() {
        let p = read_jsonl(
            "{\"title\":\"A\",\"text\":\"a\"}\n{broken\n\n[1]\n{\"title\":\"B\",\"text\":\"b\"}\n",
        );
        assert_eq!(p.articles.len(), 2);
        assert_eq!(p.articles[1].record, Some(5));
        assert_eq!(p.problems.len(), 2);
        assert!(p.problems[0].starts_with("line 2:"), "{:?}", p.problems);
        assert!(p.problems[1].starts_with("line 4:"), "{:?}", p.problems);
    }
}
