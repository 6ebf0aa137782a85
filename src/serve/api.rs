//! Part of [`crate::serve`]: the routes. The page's files, the JSON API, the headers every
//! response carries, and the bounds on what a request may ask.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_ORIGIN, CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE,
    REFERRER_POLICY, VARY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

use super::Shared;
use crate::index::stats::Stats;
use crate::search::facets::{FacetCount, FacetKind};
use crate::search::filter;
use crate::search::query::period;
use crate::search::quote_search::{QuoteHit, QuoteOptions};
use crate::search::{Hit, NewsSearcher, SearchOptions, SortOrder};

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const APP_CSS: &str = include_str!("assets/app.css");

/// The page loads its own script, style and API answers, and nothing else.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
                   img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Longest query, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Most hits (or quotes) one request may ask for.
pub const MAX_LIMIT: usize = 100;
/// Deepest page: `offset` at most this.
pub const MAX_OFFSET: usize = 10_000;
/// Longest query string, in bytes (all parameters).
const MAX_QUERY_STRING: usize = 8_192;

pub(super) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/app.js", get(script))
        .route("/app.css", get(style))
        .route("/api/search", get(search))
        .route("/api/article/{id}", get(article))
        .route("/api/similar/{id}", get(similar))
        .route("/api/quotes", get(quotes))
        .route("/api/speakers", get(speakers))
        .route("/api/stats", get(stats))
        .fallback(not_found)
        .method_not_allowed_fallback(not_allowed)
        .layer(axum::middleware::map_response_with_state(
            Arc::clone(&shared),
            headers,
        ))
        .layer(DefaultBodyLimit::max(1024))
        .with_state(shared)
}

/// Headers of every response: what the page may load, no sniffing, no framing, no
/// referrer; and the one origin allowed to call the API when `--cors` names one.
async fn headers(State(shared): State<Arc<Shared>>, mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if let Some(origin) = &shared.cors {
        h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
        h.insert(VARY, HeaderValue::from_static("Origin"));
    }
    res
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

async fn page() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

async fn script() -> Response {
    asset("text/javascript; charset=utf-8", APP_JS)
}

async fn style() -> Response {
    asset("text/css; charset=utf-8", APP_CSS)
}

async fn not_found(uri: Uri) -> Response {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!("no such page: {}", uri.path()),
    )
    .into_response()
}

async fn not_allowed() -> Response {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "only GET (and HEAD) are answered: the server changes nothing",
    )
    .into_response()
}

/// An error answer: `{"error": ..., "position": n, "hint": ...}` (position and hint for a
/// bad query only).
#[derive(Debug)]
pub(super) struct ApiError {
    status: StatusCode,
    body: ErrorBody,
}

#[derive(Debug, Serialize)]
struct ErrorBody {
    error: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
}

impl ApiError {
    fn new(status: StatusCode, error: impl Into<String>) -> Self {
        ApiError {
            status,
            body: ErrorBody {
                error: error.into(),
                position: None,
                hint: None,
            },
        }
    }

    fn bad(error: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, error)
    }

    fn busy() -> Self {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the server is busy or the request took too long; try again",
        )
    }
}

impl From<crate::Error> for ApiError {
    fn from(e: crate::Error) -> Self {
        match e {
            crate::Error::Query {
                position,
                message,
                hint,
                ..
            } => ApiError {
                status: StatusCode::BAD_REQUEST,
                body: ErrorBody {
                    error: message,
                    position: Some(position),
                    hint: (!hint.is_empty()).then_some(hint),
                },
            },
            crate::Error::NoArticle(id) => {
                ApiError::new(StatusCode::NOT_FOUND, format!("no article {id}"))
            }
            other => {
                eprintln!("newsidx serve: {other}");
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, other.to_string())
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

/// Runs `work` with the searcher of the last commit once a turn is free (503 when none
/// frees up within the timeout). The work runs on the runtime's worker thread itself, one
/// per turn: on the blocking pool each answer took 15-25% longer on two cores (two more
/// thread wake-ups per request; measured in docs/performance.md).
async fn run<T>(
    shared: &Arc<Shared>,
    work: impl FnOnce(&NewsSearcher<'static>) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let _turn = tokio::time::timeout(shared.timeout, shared.permits.acquire())
        .await
        .map_err(|_| ApiError::busy())?
        .map_err(|_| ApiError::busy())?;
    work(&*shared.searcher()?)
}

/// The parameters of a query string, repeated keys kept in order.
struct Params(Vec<(String, String)>);

impl Params {
    fn parse(raw: Option<String>) -> Result<Params, ApiError> {
        let raw = raw.unwrap_or_default();
        if raw.len() > MAX_QUERY_STRING {
            return Err(ApiError::bad(format!(
                "query string longer than {MAX_QUERY_STRING} bytes"
            )));
        }
        serde_urlencoded::from_str(&raw)
            .map(Params)
            .map_err(|e| ApiError::bad(format!("bad query string: {e}")))
    }

    /// The last value of `key`, blank values as none.
    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }

    /// Every value of `key`, comma-separated lists split.
    fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == key)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    /// Refuses a parameter the endpoint does not know: a misspelt one would otherwise be
    /// passed over without a word, and the answer not be what was asked.
    fn only(&self, known: &[&str]) -> Result<(), ApiError> {
        match self.0.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            Some((k, _)) => Err(ApiError::bad(format!(
                "unknown parameter `{k}`; known: {}",
                known.join(", ")
            ))),
            None => Ok(()),
        }
    }

    fn number(&self, key: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n <= max)
                .ok_or_else(|| {
                    ApiError::bad(format!("{key}: {v:?} is not a number from 0 to {max}"))
                }),
        }
    }

    fn limit(&self, default: usize) -> Result<usize, ApiError> {
        let n = self
            .number("limit", default, MAX_LIMIT)
            .ok()
            .filter(|n| *n > 0);
        n.ok_or_else(|| {
            ApiError::bad(format!(
                "limit: {:?} is not a number from 1 to {MAX_LIMIT}",
                self.get("limit").unwrap_or_default()
            ))
        })
    }

    fn query(&self, key: &str) -> Result<Option<String>, ApiError> {
        match self.get(key) {
            Some(q) if q.chars().count() > MAX_QUERY_CHARS => Err(ApiError::bad(format!(
                "{key}: longer than {MAX_QUERY_CHARS} characters"
            ))),
            q => Ok(q.map(str::to_string)),
        }
    }

    /// `collapse=false` (or `0`): every syndicated copy apart; default true.
    fn collapse(&self) -> Result<bool, ApiError> {
        match self.get("collapse") {
            None | Some("true") | Some("1") => Ok(true),
            Some("false") | Some("0") => Ok(false),
            Some(other) => Err(ApiError::bad(format!(
                "collapse: {other:?} is not true or false"
            ))),
        }
    }

    fn sort(&self) -> Result<SortOrder, ApiError> {
        match self.get("sort") {
            None | Some("relevance") => Ok(SortOrder::Relevance),
            Some("date") => Ok(SortOrder::Date),
            Some("date-asc") => Ok(SortOrder::DateAsc),
            Some(other) => Err(ApiError::bad(format!(
                "sort: {other:?} is not one of relevance, date, date-asc"
            ))),
        }
    }
}

/// What the API gives for a hit, a quote or an article: the fields `--json` prints, and
/// the id as text (JavaScript numbers hold integers exactly only up to 2^53).
#[derive(Serialize)]
struct WithIdText<T> {
    #[serde(flatten)]
    inner: T,
    id_str: String,
}

impl<T> WithIdText<T> {
    fn new(id: u64, inner: T) -> Self {
        WithIdText {
            inner,
            id_str: id.to_string(),
        }
    }
}

fn api_hits(hits: Vec<Hit>) -> Vec<WithIdText<Hit>> {
    hits.into_iter().map(|h| WithIdText::new(h.id, h)).collect()
}

#[derive(Serialize)]
struct SearchAnswer {
    hits: Vec<WithIdText<Hit>>,
    total: usize,
    total_exact: bool,
    /// One hit per story; facets count stories.
    collapsed: bool,
    /// `total` counts stories.
    stories: bool,
    facets: BTreeMap<FacetKind, Vec<FacetCount>>,
}

async fn search(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchAnswer>, ApiError> {
    let p = Params::parse(raw)?;
    p.only(&[
        "q", "limit", "offset", "sort", "since", "until", "facet", "author", "agency", "source",
        "lang", "speaker", "collapse",
    ])?;
    let mut filters = Vec::new();
    for kind in FacetKind::ALL
        .into_iter()
        .filter(|k| filter::filterable(*k))
    {
        for (k, v) in &p.0 {
            if k == kind.name() {
                filters.push((kind, v.clone()));
            }
        }
    }
    // No words but dates or filters: every article of those dates, or with those values.
    let narrowed = p.get("since").is_some() || p.get("until").is_some() || !filters.is_empty();
    let query = match p.query("q")? {
        Some(q) => q,
        None if narrowed => "*".to_string(),
        None => return Err(ApiError::bad("q: a query is needed (`q=Sudzha`)")),
    };
    let date = |key: &str| match p.get(key) {
        None => Ok(None),
        Some(v) => period(v).map(Some).ok_or_else(|| {
            ApiError::bad(format!(
                "{key}: {v:?} is not a year, month or day (2025, 2025-03, 2025-03-08)"
            ))
        }),
    };
    let mut facets = Vec::new();
    for name in p.all("facet") {
        let kind: FacetKind = name.parse().map_err(ApiError::bad)?;
        if !facets.contains(&kind) {
            facets.push(kind);
        }
    }
    let opts = SearchOptions {
        query,
        limit: p.limit(10)?,
        offset: p.number("offset", 0, MAX_OFFSET)?,
        since: date("since")?,
        until: date("until")?,
        sort: p.sort()?,
        facets,
        filters,
        collapse: p.collapse()?,
        ..SearchOptions::default()
    };
    run(&shared, move |s| {
        let results = s.search(&opts)?;
        Ok(Json(SearchAnswer {
            hits: api_hits(results.hits),
            total: results.total,
            total_exact: results.total_exact,
            collapsed: results.collapsed,
            stories: results.stories,
            facets: results.facets,
        }))
    })
    .await
}

/// An article id in a path; anything else names no article.
fn article_id(id: &str) -> Result<u64, ApiError> {
    id.parse::<u64>()
        .map_err(|_| ApiError::new(StatusCode::NOT_FOUND, format!("no article {id}")))
}

async fn article(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Result<Json<WithIdText<crate::search::ArticleView>>, ApiError> {
    let id = article_id(&id)?;
    run(&shared, move |s| match s.article_by_id(id)? {
        Some(article) => Ok(Json(WithIdText::new(id, article))),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no article {id}"),
        )),
    })
    .await
}

#[derive(Serialize)]
struct SimilarAnswer {
    hits: Vec<WithIdText<Hit>>,
    total: usize,
}

async fn similar(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SimilarAnswer>, ApiError> {
    let id = article_id(&id)?;
    let p = Params::parse(raw)?;
    p.only(&["limit"])?;
    let limit = p.limit(10)?;
    run(&shared, move |s| {
        let results = s.similar(&id.to_string(), limit)?;
        Ok(Json(SimilarAnswer {
            hits: api_hits(results.hits),
            total: results.total,
        }))
    })
    .await
}

#[derive(Serialize)]
struct QuotesAnswer {
    quotes: Vec<WithIdText<QuoteHit>>,
}

async fn quotes(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Result<Json<QuotesAnswer>, ApiError> {
    let p = Params::parse(raw)?;
    p.only(&["q", "speaker", "limit", "sort", "collapse"])?;
    let opts = QuoteOptions {
        query: p.query("q")?,
        speaker: p.query("speaker")?,
        limit: p.limit(20)?,
        sort: p.sort()?,
        collapse: p.collapse()?,
    };
    run(&shared, move |s| {
        let quotes = s
            .quotes(&opts)?
            .into_iter()
            .map(|q| WithIdText::new(q.id, q))
            .collect();
        Ok(Json(QuotesAnswer { quotes }))
    })
    .await
}

#[derive(Serialize)]
struct SpeakersAnswer {
    speakers: Vec<FacetCount>,
}

async fn speakers(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SpeakersAnswer>, ApiError> {
    let p = Params::parse(raw)?;
    p.only(&["limit", "collapse"])?;
    let limit = p.number("limit", 50, 1_000)?;
    let stories = p.collapse()?;
    run(&shared, move |s| {
        let mut speakers = s.speakers(stories)?;
        speakers.truncate(limit);
        Ok(Json(SpeakersAnswer { speakers }))
    })
    .await
}

async fn stats(
    State(shared): State<Arc<Shared>>,
) -> Result<Json<crate::index::stats::Stats>, ApiError> {
    run(&shared, |_| Ok(Json(Stats::clone(&*shared.stats()?)))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(raw: &str) -> Params {
        Params::parse(Some(raw.to_string())).unwrap()
    }

    #[test]
    fn parameters_are_read_and_bounded() {
        let p = params("q=Sudzha&facet=author,year&facet=lang&limit=5&offset=&sort=date");
        assert_eq!(p.get("q"), Some("Sudzha"));
        assert_eq!(
            p.all("facet").collect::<Vec<_>>(),
            ["author", "year", "lang"]
        );
        assert_eq!(p.limit(10).unwrap(), 5);
        assert_eq!(p.number("offset", 0, MAX_OFFSET).unwrap(), 0);
        assert_eq!(p.sort().unwrap(), SortOrder::Date);
        let bad = |raw: &str| {
            let p = params(raw);
            let e = p
                .limit(10)
                .and(p.number("offset", 0, MAX_OFFSET))
                .and(p.sort().map(|_| 0))
                .and(p.query("q").map(|_| 0))
                .unwrap_err();
            assert_eq!(e.status, StatusCode::BAD_REQUEST, "{raw}");
            e.body.error
        };
        assert!(bad("limit=0").starts_with("limit"));
        assert!(bad("limit=101").starts_with("limit"));
        assert!(bad("limit=-1").starts_with("limit"));
        assert!(bad("offset=10001").starts_with("offset"));
        assert!(bad("sort=random").starts_with("sort"));
        assert!(bad(&format!("q={}", "a".repeat(MAX_QUERY_CHARS + 1))).starts_with("q:"));
        let long = format!("q={}", "a".repeat(MAX_QUERY_STRING));
        assert!(Params::parse(Some(long)).is_err());
    }

    #[test]
    fn query_errors_keep_their_position_and_hint() {
        let e = ApiError::from(crate::Error::Query {
            query: "a AND".into(),
            position: 2,
            message: "AND needs a word after it".into(),
            hint: "add a word".into(),
        });
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        let body = serde_json::to_value(&e.body).unwrap();
        assert_eq!(body["position"], 2);
        assert_eq!(body["hint"], "add a word");
        let e = ApiError::from(crate::Error::NoArticle("7".into()));
        assert_eq!(e.status, StatusCode::NOT_FOUND);
        assert!(serde_json::to_value(&e.body)
            .unwrap()
            .get("position")
            .is_none());
    }
}
