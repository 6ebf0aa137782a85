//! Stage 7: printers. Text for people (colour only when asked, e.g. on a terminal) and
//! JSON for scripts, always written to an injected writer so tests can read them back.
//! Output is deterministic: no timings unless the caller put them in the value printed.

use std::io::{self, Write};

use serde::Serialize;

use crate::bench::{Regression, Report};
use crate::corpus::Skipped;
use crate::extract::Article;
use crate::index::Summary;
use crate::search::collapse::Copy;
use crate::search::facets::Facets;
use crate::search::quote_search::QuoteHit;
use crate::search::{Hit, Results};

const BOLD: &str = "\x1b[1m";
const MATCH: &str = "\x1b[1;31m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Text style of the human printers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Emit ANSI colour codes.
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    }
}

/// Prints ranked hits: title, a metadata line, the snippet with matches highlighted.
pub fn hits_text(
    w: &mut dyn Write,
    results: &Results,
    offset: usize,
    style: Style,
) -> io::Result<()> {
    for (i, hit) in results.hits.iter().enumerate() {
        writeln!(w, "{}. {}", offset + i + 1, style.paint(BOLD, &hit.title))?;
        let mut meta: Vec<String> = Vec::new();
        // People, then the agencies credited (`Anna Petrova, AP`).
        let credits: Vec<&str> = hit
            .authors
            .iter()
            .chain(&hit.agencies)
            .map(String::as_str)
            .collect();
        if !credits.is_empty() {
            meta.push(credits.join(", "));
        }
        if let Some(d) = &hit.date {
            meta.push(d.get(..10).unwrap_or(d).to_string());
        }
        if let Some(s) = &hit.source {
            meta.push(s.clone());
        }
        meta.push(crate::corpus::record_label(&hit.path, hit.record));
        writeln!(w, "   {}", style.paint(DIM, &meta.join(" · ")))?;
        writeln!(w, "   {}", highlight(&hit.snippet, &hit.highlights, style))?;
        if let Some(q) = &hit.quote {
            let who = q.speaker.as_deref().unwrap_or("unattributed");
            writeln!(
                w,
                "   \u{201c}{}\u{201d} \u{2014} {}",
                highlight(&q.text, &q.highlights, style),
                style.paint(BOLD, who)
            )?;
        }
        if results.collapsed && hit.copies > 0 {
            writeln!(w, "   {}", style.paint(DIM, &copies_line(hit)))?;
        }
        writeln!(w)?;
    }
    let shown = results.hits.len();
    if shown > 0 {
        let unit = if results.stories {
            "matching stor"
        } else {
            "matching article"
        };
        let plural = match (results.total == 1 && results.total_exact, results.stories) {
            (true, true) => "y",
            (true, false) => "",
            (false, true) => "ies",
            (false, false) => "s",
        };
        writeln!(
            w,
            "{} {}-{} of {}{} {unit}{plural}{}",
            style.paint(DIM, "--"),
            offset + 1,
            offset + shown,
            results.total,
            if results.total_exact { "" } else { "+" },
            if results.collapsed && !results.stories {
                " (one hit per story)"
            } else {
                ""
            }
        )?;
    }
    Ok(())
}

/// `+6 copies: AP, Daily Herald, …`: how many other articles of the index are copies of
/// the hit's story, and where they were published.
pub fn copies_line(hit: &Hit) -> String {
    let mut line = format!(
        "+{} {}",
        hit.copies,
        if hit.copies == 1 { "copy" } else { "copies" }
    );
    if !hit.copies_from.is_empty() {
        line.push_str(": ");
        line.push_str(&hit.copies_from.join(", "));
        if hit.copies > crate::search::COPIES_NAMED {
            line.push_str(", …");
        }
    }
    line
}

/// The articles of one story (`newsidx copies`): date, source, title, path, similarity.
pub fn copies_text(w: &mut dyn Write, story: &[Copy]) -> io::Result<()> {
    for c in story {
        let mut tags = Vec::new();
        if c.first_published {
            tags.push("first published");
        }
        if c.named {
            tags.push("the article named");
        }
        let date = c
            .date
            .as_deref()
            .map_or("undated", |d| d.get(..10).unwrap_or(d));
        let tags = if tags.is_empty() {
            String::new()
        } else {
            format!("  [{}]", tags.join(", "))
        };
        writeln!(w, "{date:<10}  {:.2}  {}{tags}", c.similarity, c.title)?;
        let mut meta = Vec::new();
        if let Some(s) = &c.source {
            meta.push(s.clone());
        }
        meta.push(crate::corpus::record_label(&c.path, c.record));
        writeln!(w, "            {}", meta.join(" · "))?;
    }
    let others = story.len().saturating_sub(1);
    writeln!(
        w,
        "-- {} article{} of one story: {others} cop{} besides the article named",
        story.len(),
        if story.len() == 1 { "" } else { "s" },
        if others == 1 { "y" } else { "ies" }
    )?;
    Ok(())
}

/// The snippet with matched ranges painted (or left plain without colour).
pub fn highlight(snippet: &str, ranges: &[(usize, usize)], style: Style) -> String {
    if !style.color {
        return snippet.replace('\n', " ");
    }
    let mut out = String::with_capacity(snippet.len() + ranges.len() * 12);
    let mut at = 0;
    for &(s, e) in ranges {
        if s < at
            || e > snippet.len()
            || !snippet.is_char_boundary(s)
            || !snippet.is_char_boundary(e)
        {
            continue;
        }
        out.push_str(&snippet[at..s]);
        out.push_str(MATCH);
        out.push_str(&snippet[s..e]);
        out.push_str(RESET);
        at = e;
    }
    out.push_str(&snippet[at..]);
    out.replace('\n', " ")
}

/// NDJSON: one hit per line.
pub fn hits_json(w: &mut dyn Write, hits: &[Hit]) -> io::Result<()> {
    for hit in hits {
        json_line(w, hit)?;
    }
    Ok(())
}

/// Quotes for people: speaker and the quote (matches highlighted), then the article.
pub fn quotes_text(w: &mut dyn Write, quotes: &[QuoteHit], style: Style) -> io::Result<()> {
    for q in quotes {
        writeln!(
            w,
            "{}: “{}”",
            style.paint(BOLD, q.speaker.as_deref().unwrap_or("(speaker unknown)")),
            highlight(&q.quote, &q.highlights, style)
        )?;
        let mut meta = vec![q.title.clone()];
        if let Some(d) = &q.date {
            meta.push(d.get(..10).unwrap_or(d).to_string());
        }
        meta.push(crate::corpus::record_label(&q.path, q.record));
        writeln!(w, "   {}", style.paint(DIM, &meta.join(" · ")))?;
    }
    Ok(())
}

/// Values a text facet listing shows; JSON has them all.
const FACET_VALUES_SHOWN: usize = 20;

/// Facet counts after the hits: a heading per facet (saying whether it counts stories
/// or articles), then count and value.
pub fn facets_text(
    w: &mut dyn Write,
    facets: &Facets,
    stories: bool,
    style: Style,
) -> io::Result<()> {
    let unit = if stories { "stories" } else { "articles" };
    for (kind, counts) in facets {
        writeln!(w, "{}", style.paint(BOLD, &format!("{kind} ({unit}):")))?;
        if counts.is_empty() {
            writeln!(w, "  (none)")?;
        }
        let width = counts.first().map_or(1, |c| c.count.to_string().len());
        for c in counts.iter().take(FACET_VALUES_SHOWN) {
            writeln!(w, "  {:>width$}  {}", c.count, c.value)?;
        }
        if counts.len() > FACET_VALUES_SHOWN {
            writeln!(
                w,
                "  {}",
                style.paint(
                    DIM,
                    &format!(
                        "… {} more (all with --json)",
                        counts.len() - FACET_VALUES_SHOWN
                    )
                )
            )?;
        }
    }
    Ok(())
}

/// Facet counts as the final NDJSON line: `{"facets": {"author": [{"value", "count"}]}}`.
pub fn facets_json(w: &mut dyn Write, facets: &Facets) -> io::Result<()> {
    json_line(w, &serde_json::json!({ "facets": facets }))
}

/// A benchmark report for people: one row per query, the overall line, regressions.
pub fn bench_text(w: &mut dyn Write, r: &Report, regressions: &[Regression]) -> io::Result<()> {
    let peer = r.peer.is_some();
    write!(
        w,
        "{:>9} {:>9} {:>9} {:>8}  ",
        "p50 µs", "p95 µs", "p99 µs", "hits"
    )?;
    if peer {
        write!(w, "{:>9} {:>6}  ", "peer µs", "ratio")?;
    }
    writeln!(w, "query")?;
    for q in &r.queries {
        write!(
            w,
            "{:>9.0} {:>9.0} {:>9.0} {:>8}  ",
            q.p50_us, q.p95_us, q.p99_us, q.hits
        )?;
        match (peer, q.peer_p50_us) {
            (true, Some(raw)) => write!(w, "{raw:>9.0} {:>5.2}x  ", q.p50_us / raw)?,
            (true, None) => write!(w, "{:>9} {:>6}  ", "-", "-")?,
            (false, _) => {}
        }
        writeln!(w, "{}", q.query)?;
    }
    writeln!(
        w,
        "overall: p50 {:.0} µs, p99 {:.0} µs, {:.0} queries/s; noise {:.1}% (spread of the rounds' p50s), calibration {:.1} µs",
        r.overall.p50_us,
        r.overall.p99_us,
        r.overall.qps,
        r.overall.noise * 100.0,
        r.overall.calibration_us
    )?;
    if let Some(p) = &r.peer {
        writeln!(
            w,
            "beside {} ({} queries both ran): p50 {:.0} µs vs {:.0} µs, {:.2}x",
            if p.name.is_empty() {
                "the peer"
            } else {
                &p.name
            },
            p.queries,
            p.newsidx_p50_us,
            p.peer_p50_us,
            p.ratio
        )?;
    }
    for g in regressions {
        writeln!(
            w,
            "REGRESSION {}: p50 {:.0} µs, baseline {:.0} µs ({:+.0}%)",
            g.what,
            g.now_us,
            g.baseline_us,
            (g.now_us / g.baseline_us - 1.0) * 100.0
        )?;
    }
    Ok(())
}

/// Writes one value as a line of JSON.
pub fn json_line<T: Serialize>(w: &mut dyn Write, value: &T) -> io::Result<()> {
    // serde_json gives back the writer's own io::Error (a closed pipe stays BrokenPipe).
    serde_json::to_writer(&mut *w, value).map_err(io::Error::from)?;
    writeln!(w)
}

/// The end-of-run summary of an update, for people.
pub fn summary_text(w: &mut dyn Write, s: &Summary, index_dir: &std::path::Path) -> io::Result<()> {
    writeln!(w, "index   {}", index_dir.display())?;
    writeln!(w, "corpus  {}", s.root.display())?;
    writeln!(
        w,
        "files   {} seen: {} new, {} updated, {} unchanged, {} skipped; {} removed",
        s.files_seen,
        s.indexed,
        s.updated,
        s.unchanged,
        s.skipped.len(),
        s.removed,
    )?;
    if s.hidden > 0 {
        writeln!(
            w,
            "hidden  {} entries whose names start with `.` not read",
            s.hidden
        )?;
    }
    writeln!(
        w,
        "articles {} added, {} in the index; {:.2} MB read in {:.2} s ({:.1} MB/s)",
        s.articles,
        s.documents,
        s.bytes as f64 / 1e6,
        s.seconds,
        s.mb_per_sec()
    )?;
    if !s.records.is_empty() {
        let passed: Vec<String> = s
            .records
            .skipped
            .iter()
            .map(|(why, n)| format!("{n} {why}"))
            .collect();
        writeln!(
            w,
            "records {} read in web archives: {} articles{}",
            s.records.read,
            s.records.articles,
            if passed.is_empty() {
                String::new()
            } else {
                format!("; passed over: {}", passed.join(", "))
            }
        )?;
    }
    for d in &s.damaged {
        writeln!(
            w,
            "damaged {} at offset {}: {} (the records before it are indexed)",
            d.path, d.offset, d.reason
        )?;
    }
    skipped_text(w, "skipped", &s.skipped)?;
    skipped_text(w, "problems", &s.problems)
}

fn skipped_text(w: &mut dyn Write, heading: &str, list: &[Skipped]) -> io::Result<()> {
    if list.is_empty() {
        return Ok(());
    }
    let mut reasons: std::collections::BTreeMap<&str, usize> = Default::default();
    for s in list {
        *reasons.entry(reason_kind(&s.reason)).or_default() += 1;
    }
    let by_reason: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
    writeln!(w, "{heading} ({}):", by_reason.join(", "))?;
    for s in list {
        writeln!(w, "  {}: {}", s.path, s.reason)?;
    }
    Ok(())
}

/// The kind of a skip reason: its text up to the first colon.
fn reason_kind(reason: &str) -> &str {
    reason.split(':').next().unwrap_or(reason).trim()
}

/// An extracted article, for people.
pub fn article_text(w: &mut dyn Write, path: &str, a: &Article) -> io::Result<()> {
    writeln!(w, "path:    {path}")?;
    writeln!(w, "title:   {}", a.title)?;
    writeln!(w, "authors: {}", a.authors.join(", "))?;
    if !a.agencies.is_empty() {
        writeln!(w, "agencies: {}", a.agencies.join(", "))?;
    }
    for (k, v) in [
        ("date", &a.date),
        ("source", &a.source),
        ("url", &a.url),
        ("fetched", &a.fetched_url),
        ("lang", &a.lang),
    ] {
        if let Some(v) = v {
            writeln!(w, "{k}:{}{v}", " ".repeat(8 - k.len()))?;
        }
    }
    for q in &a.quotes {
        writeln!(
            w,
            "quote:   {} — \"{}\"",
            q.speaker.as_deref().unwrap_or("?"),
            q.text
        )?;
    }
    writeln!(w)?;
    writeln!(w, "{}", a.body)?;
    writeln!(w)
}

/// `newsidx stats`, for people.
/// `export`'s report: what was written where.
pub fn export_text(w: &mut dyn Write, s: &crate::export::ExportSummary) -> io::Result<()> {
    let mb = s.bytes as f64 / 1e6;
    let plural = if s.articles == 1 { "" } else { "s" };
    write!(w, "exported {} article{plural}", s.articles)?;
    if s.unchanged > 0 {
        write!(w, " ({} unchanged since then left out)", s.unchanged)?;
    }
    writeln!(
        w,
        ": {mb:.1} MB in {:.1} s ({:.0} MB/s)",
        s.seconds,
        mb / s.seconds.max(1e-9)
    )?;
    for f in &s.files {
        writeln!(w, "  {}", f.display())?;
    }
    Ok(())
}

pub fn stats_text(w: &mut dyn Write, s: &crate::index::stats::Stats) -> io::Result<()> {
    writeln!(w, "index        {}", s.index.display())?;
    if let Some(r) = &s.root {
        writeln!(w, "corpus       {}", r.display())?;
    }
    writeln!(w, "documents    {}", s.documents)?;
    writeln!(
        w,
        "stories      {} ({} articles belong to a story printed more than once)",
        s.clusters, s.clustered_articles
    )?;
    writeln!(w, "files        {}", s.files)?;
    writeln!(w, "segments     {}", s.segments)?;
    writeln!(w, "size         {:.2} MB", s.bytes_on_disk as f64 / 1e6)?;
    if let Some(u) = &s.last_update {
        writeln!(w, "last update  {u}")?;
    }
    writeln!(w, "skipped      {} files", s.skipped.len())?;
    writeln!(w, "problems     {}", s.problems.len())?;
    for p in s.skipped.iter().chain(&s.problems) {
        writeln!(w, "  {}: {}", p.path, p.reason)?;
    }
    Ok(())
}

/// `newsidx speakers`: a count and a name per line, or `{"speaker", "articles"}` lines.
pub fn speakers(
    w: &mut dyn Write,
    list: &[crate::search::facets::FacetCount],
    json: bool,
) -> io::Result<()> {
    for s in list {
        if json {
            json_line(
                w,
                &serde_json::json!({ "speaker": s.value, "articles": s.count }),
            )?;
        } else {
            writeln!(w, "{:>6}  {}", s.count, s.value)?;
        }
    }
    Ok(())
}

/// An indicatif progress bar on stderr, drawn only on a terminal.
pub struct ProgressBar(indicatif::ProgressBar);

impl ProgressBar {
    pub fn new(show: bool) -> ProgressBar {
        let bar = if show && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
            indicatif::ProgressBar::new(0)
        } else {
            indicatif::ProgressBar::hidden()
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} [{bar:30}] {pos}/{len} files {per_sec} eta {eta} {wide_msg}",
            )
            .expect("static template is valid")
            .progress_chars("=> "),
        );
        ProgressBar(bar)
    }
}

impl crate::index::Progress for ProgressBar {
    fn start(&self, total: u64) {
        self.0.set_length(total);
    }
    fn file_done(&self, path: &str) {
        self.0.inc(1);
        self.0.set_message(path.to_string());
    }
    fn archive_pages(&self, path: &str, pages: usize) {
        self.0.set_message(format!("{path}: {pages} pages"));
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_plain_and_colour() {
        let s = "the Sudzha front";
        assert_eq!(highlight(s, &[(4, 10)], Style { color: false }), s);
        assert_eq!(
            highlight(s, &[(4, 10)], Style { color: true }),
            format!("the {MATCH}Sudzha{RESET} front")
        );
        // Ranges that do not fit are ignored, never a panic.
        assert_eq!(highlight(s, &[(4, 99)], Style { color: true }), s);
    }

    #[test]
    fn the_summary_says_what_archives_held_and_where_they_are_damaged() {
        let mut records = crate::formats::warc::Records {
            read: 5,
            articles: 2,
            ..Default::default()
        };
        records.skip("request");
        records.skip("request");
        records.skip("warcinfo");
        let s = Summary {
            records,
            damaged: vec![crate::index::Damaged {
                path: "cut.warc.gz".into(),
                offset: 1234,
                reason: "the gzip data ends early (truncated file)".into(),
            }],
            ..Summary::default()
        };
        let mut out = Vec::new();
        summary_text(&mut out, &s, std::path::Path::new("idx")).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains(
                "records 5 read in web archives: 2 articles; passed over: 2 request, 1 warcinfo"
            ),
            "{text}"
        );
        assert!(
            text.contains("damaged cut.warc.gz at offset 1234: the gzip data ends early"),
            "{text}"
        );
    }

    #[test]
    fn totals_say_when_counting_stopped() {
        let hit = crate::search::Hit {
            id: 1,
            score: 1.0,
            path: "a.txt".into(),
            record: None,
            title: "Sudzha".into(),
            authors: Vec::new(),
            agencies: Vec::new(),
            date: None,
            source: None,
            url: None,
            fetched_url: None,
            snippet: "Troops entered Sudzha.".into(),
            highlights: vec![(15, 21)],
            quote: None,
            cluster: 1,
            copies: 0,
            copies_from: Vec::new(),
        };
        let cases = [
            (1, true, "1-1 of 1 matching article\n"),
            (10_000, false, "1-1 of 10000+ matching articles\n"),
            (1, false, "1-1 of 1+ matching articles\n"),
        ];
        for (total, exact, want) in cases {
            let results = Results {
                total,
                total_exact: exact,
                hits: vec![hit.clone()],
                ..Results::default()
            };
            let mut out = Vec::new();
            hits_text(&mut out, &results, 0, Style { color: false }).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(text.ends_with(want), "{text:?}");
        }
    }
}
