//! Stage 6a: the query language. tantivy's grammar parses the text; this module turns its
//! syntax tree into tantivy queries itself, because tantivy's own `QueryParser` silently
//! misreads what news readers type (`Sudz*` searched `sudz`, `Sudzha~1` became a phrase,
//! `date:2024` and `-word` alone were errors).
//!
//! Forms: words (OR-ed), `+must`, `-not` / `NOT`, `AND` / `OR`, `( )`, `"phrases"`,
//! `"phrase"~N` (slop), `word~N` (typos: edit distance N <= 2, a transposition counts one),
//! `pref*` and `"a phr*"` (prefix), `field:...`, `^boost`, `field:/regex/`, `field:*`
//! (has a value), `date:YYYY[-MM[-DD]]` and `date:[A TO B]` / `date:>A` over whole periods.
//! A query of only exclusions means everything except them. Every literal must give a
//! searchable word: nothing typed is dropped silently.

use std::ops::Bound;

use chrono::{Datelike, NaiveDate};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, ExistsQuery, FuzzyTermQuery, Occur,
    PhrasePrefixQuery, PhraseQuery, Query, RangeQuery, RegexQuery, TermQuery,
};
use tantivy::query_grammar::{
    Delimiter, Occur as AstOccur, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use crate::error::{Error, Result};
use crate::index::schema::{FieldKind, Fields, NAME_TOKENIZER, QUERY_FIELDS, TEXT_TOKENIZER};
use crate::index::translit;
use crate::index::NewsIndex;

/// Largest edit distance of `word~N`: tantivy's automata go to 2, and more matches noise.
pub const MAX_FUZZY_DISTANCE: u32 = 2;

/// Largest slop of `"words"~N`: tantivy's sloppy phrase matching takes memory that grows
/// with it (eight common words ~200: 12 MB; ~1000: past 2 GB); a hundred words apart
/// is already the same passage no longer.
pub const MAX_SLOP: u32 = 100;

/// How often one word may come in a phrase with a slop (see [`Compiler::compile`]).
pub const MAX_SLOPPY_REPEATS: usize = 2;

/// What the body snippet should highlight: the positive terms of the query on `body`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matcher {
    /// An analysed (stemmed) term.
    Term(String),
    /// Analysed terms starting with this (unstemmed, folded) prefix.
    Prefix(String),
    /// Analysed terms within this edit distance.
    Fuzzy(String, u8),
}

/// A compiled query: what tantivy runs and what snippets highlight.
pub struct Compiled {
    pub query: Box<dyn Query>,
    pub matchers: Vec<Matcher>,
    /// True when the query is plain words joined by OR (no phrase, prefix, typo, `+`,
    /// `-`, range or date filter): the shape tantivy ranks with block-max WAND, skipping
    /// blocks that cannot reach the top, so ranking alone costs far less than visiting
    /// every match. Other queries visit every match to rank anyway.
    pub prunable: bool,
}

/// An OR of ORs as one OR of their clauses (`a b` is `(title:a body:a author:a)
/// (title:b body:b author:b)`): the same matches and the same score (a sum of sums), but
/// tantivy ranks with block-max WAND only a flat union of terms. Nested, two words were
/// ranked by visiting every match.
fn flatten_should(q: Box<dyn Query>) -> Box<dyn Query> {
    fn all_should(b: &BooleanQuery) -> bool {
        b.clauses().iter().all(|(o, _)| *o == Occur::Should)
    }
    fn collect(q: &dyn Query, out: &mut Vec<(Occur, Box<dyn Query>)>) {
        match q.downcast_ref::<BooleanQuery>() {
            Some(b) if all_should(b) => b.clauses().iter().for_each(|(_, c)| collect(&**c, out)),
            _ => out.push((Occur::Should, q.box_clone())),
        }
    }
    match q.downcast_ref::<BooleanQuery>() {
        Some(b) if all_should(b) => {
            let mut flat = Vec::new();
            collect(&*q, &mut flat);
            Box::new(BooleanQuery::new(flat))
        }
        _ => q,
    }
}

/// See [`Compiled::prunable`]: words of letters and digits only (one term each) in the
/// default fields, OR-ed.
fn prunable(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Clause(clauses) => clauses
            .iter()
            .all(|(occur, sub)| matches!(occur, None | Some(AstOccur::Should)) && prunable(sub)),
        UserInputAst::Boost(sub, _) => prunable(sub),
        UserInputAst::Leaf(leaf) => match &**leaf {
            UserInputLeaf::Literal(lit) => {
                !lit.prefix
                    && lit.field_name.is_none()
                    && lit.delimiter == Delimiter::None
                    && !lit.phrase.is_empty()
                    && lit.phrase.chars().all(|c| c.is_ascii_alphanumeric())
            }
            _ => false,
        },
    }
}

/// A whole-day range of dates: `start` inclusive, `end` exclusive (UTC midnights).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: i64,
    pub end: i64,
}

/// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339 time into the period it names,
/// on the articles' own calendars (see [`crate::index::Fields::date`]).
pub fn period(s: &str) -> Option<Period> {
    let s = s.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        // Dates are indexed as the articles' wall-clock times; so is a queried time.
        let t = t.naive_local().and_utc().timestamp();
        return Some(Period {
            start: t,
            end: t + 1,
        });
    }
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<u32> {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (start, end) = match parts.as_slice() {
        [y] => {
            let y = num(y, 4)? as i32;
            (
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?,
            )
        }
        [y, m] => {
            let start = NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, 1)?;
            let end = if start.month() == 12 {
                NaiveDate::from_ymd_opt(start.year() + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(start.year(), start.month() + 1, 1)?
            };
            (start, end)
        }
        [y, m, d] => {
            let start = NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?)?;
            (start, start.succ_opt()?)
        }
        _ => return None,
    };
    let secs = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp());
    Some(Period {
        start: secs(start)?,
        end: secs(end)?,
    })
}

/// Compiles query text against an index's fields and analysers.
pub struct Compiler<'a> {
    fields: &'a Fields,
    /// Fields searched when the query names none.
    defaults: Vec<(Field, FieldKind, f32)>,
    /// The field whose matches [`Compiled::matchers`] collects (body, for snippets).
    shown: Field,
    text: TextAnalyzer,
    name: TextAnalyzer,
}

/// One compilation: the user's text (for error positions) and what snippets collect.
struct Run<'q> {
    query: &'q str,
    matchers: Vec<Matcher>,
}

impl<'a> Compiler<'a> {
    pub fn new(index: &'a NewsIndex) -> Result<Self> {
        Ok(Compiler {
            fields: index.fields(),
            defaults: index.fields().default_query_fields().to_vec(),
            shown: index.fields().body,
            text: index.analyzer(TEXT_TOKENIZER)?,
            name: index.analyzer(NAME_TOKENIZER)?,
        })
    }

    /// Searches only `field` when the query names none, and collects matchers for it:
    /// `quotes` compiles its query over the quote field this way.
    pub fn over(mut self, field: Field, kind: FieldKind) -> Self {
        self.defaults = vec![(field, kind, 1.0)];
        self.shown = field;
        self
    }

    /// Compiles `query`; `filter` (a date range from `--since`/`--until`) is AND-ed in.
    pub fn compile(
        &mut self,
        query: &str,
        filter: Option<(Bound<i64>, Bound<i64>)>,
    ) -> Result<Compiled> {
        if query.trim().is_empty() {
            return Err(query_error(
                query,
                0,
                "empty query",
                "give at least one word, e.g. `newsidx search Sudzha`",
            ));
        }
        let ast = tantivy::query_grammar::parse_query(query).map_err(|_| syntax_error(query))?;
        let mut run = Run {
            query,
            matchers: Vec::new(),
        };
        let mut q = self.ast(&ast, &mut run, true)?;
        let prunable = filter.is_none() && prunable(&ast);
        if prunable {
            q = flatten_should(q);
        }
        if let Some((lo, hi)) = filter {
            q = Box::new(BooleanQuery::new(vec![
                (Occur::Must, q),
                (Occur::Must, self.date_range(lo, hi)),
            ]));
        }
        Ok(Compiled {
            query: q,
            matchers: run.matchers,
            prunable,
        })
    }

    fn ast(&mut self, ast: &UserInputAst, run: &mut Run, positive: bool) -> Result<Box<dyn Query>> {
        match ast {
            UserInputAst::Clause(clauses) => {
                if clauses.is_empty() {
                    return Err(query_error(
                        run.query,
                        0,
                        "nothing to search for",
                        "give at least one word",
                    ));
                }
                let mut subs = Vec::with_capacity(clauses.len() + 1);
                for (occur, sub) in clauses {
                    let occur = match occur {
                        Some(AstOccur::Must) => Occur::Must,
                        Some(AstOccur::MustNot) => Occur::MustNot,
                        Some(AstOccur::Should) | None => Occur::Should,
                    };
                    let q = self.ast(sub, run, positive && occur != Occur::MustNot)?;
                    subs.push((occur, q));
                }
                // Only exclusions: everything except them, as a reader means it.
                if subs.iter().all(|(o, _)| *o == Occur::MustNot) {
                    subs.push((Occur::Must, Box::new(AllQuery)));
                }
                Ok(Box::new(BooleanQuery::new(subs)))
            }
            UserInputAst::Boost(sub, boost) => Ok(Box::new(BoostQuery::new(
                self.ast(sub, run, positive)?,
                boost.into_inner() as f32,
            ))),
            UserInputAst::Leaf(leaf) => self.leaf(leaf, run, positive),
        }
    }

    /// The fields a leaf applies to: the named one, else the default fields.
    fn targets(&self, field: Option<&str>, run: &Run) -> Result<Vec<(Field, FieldKind, f32)>> {
        match field {
            None => Ok(self.defaults.clone()),
            Some(name) => match self.fields.by_query_name(name) {
                Some((f, k)) => Ok(vec![(f, k, 1.0)]),
                None => Err(query_error(
                    run.query,
                    position(run.query, &format!("{name}:")),
                    &format!("unknown field `{name}`"),
                    &format!(
                        "known fields: {}; quote the text to search for a literal colon",
                        QUERY_FIELDS.join(", ")
                    ),
                )),
            },
        }
    }

    fn leaf(
        &mut self,
        leaf: &UserInputLeaf,
        run: &mut Run,
        positive: bool,
    ) -> Result<Box<dyn Query>> {
        match leaf {
            UserInputLeaf::Literal(lit) => {
                let targets = self.targets(lit.field_name.as_deref(), run)?;
                let mut per_field = Vec::with_capacity(targets.len());
                for (field, kind, boost) in targets {
                    let q = self.literal(lit, field, kind, run, positive)?;
                    let q: Box<dyn Query> = if boost == 1.0 {
                        q
                    } else {
                        Box::new(BoostQuery::new(q, boost))
                    };
                    per_field.push((Occur::Should, q));
                }
                Ok(single_or_any(per_field))
            }
            UserInputLeaf::All => Ok(Box::new(AllQuery)),
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => {
                let targets = self.targets(field.as_deref(), run)?;
                if targets.len() != 1 || targets[0].1 != FieldKind::Date {
                    return Err(query_error(
                        run.query,
                        position(run.query, "["),
                        "ranges work on dates only",
                        "write date:[2024-01-01 TO 2024-02-01], date:>2024-06 or date:<=2024",
                    ));
                }
                let lo = match lower {
                    UserInputBound::Unbounded => Bound::Unbounded,
                    UserInputBound::Inclusive(s) => Bound::Included(self.period(s, run)?.start),
                    UserInputBound::Exclusive(s) => Bound::Included(self.period(s, run)?.end),
                };
                let hi = match upper {
                    UserInputBound::Unbounded => Bound::Unbounded,
                    UserInputBound::Inclusive(s) => Bound::Excluded(self.period(s, run)?.end),
                    UserInputBound::Exclusive(s) => Bound::Excluded(self.period(s, run)?.start),
                };
                Ok(self.date_range(lo, hi))
            }
            UserInputLeaf::Set { field, elements } => {
                let mut any = Vec::new();
                for e in elements {
                    let lit = UserInputLiteral {
                        field_name: field.clone(),
                        phrase: e.clone(),
                        delimiter: Delimiter::None,
                        slop: 0,
                        prefix: false,
                    };
                    any.push((
                        Occur::Should,
                        self.leaf(&UserInputLeaf::Literal(lit), run, positive)?,
                    ));
                }
                Ok(single_or_any(any))
            }
            UserInputLeaf::Exists { field } => {
                let (f, _, _) = self.targets(Some(field), run)?[0];
                if f == self.fields.date
                    || f == self.fields.author
                    || f == self.fields.source
                    || f == self.fields.speaker
                    || f == self.fields.lang
                {
                    Ok(Box::new(ExistsQuery::new(field_name(field), false)))
                } else {
                    Err(query_error(
                        run.query,
                        position(run.query, &format!("{field}:")),
                        &format!("`{field}:*` is not supported"),
                        "`field:*` (has a value) works on date, author, source, speaker and lang",
                    ))
                }
            }
            UserInputLeaf::Regex { field, pattern } => {
                let targets = self.targets(field.as_deref(), run)?;
                let mut any = Vec::new();
                for (f, kind, _) in targets {
                    if kind == FieldKind::Date {
                        continue;
                    }
                    let q = RegexQuery::from_pattern(pattern, f).map_err(|e| {
                        query_error(
                            run.query,
                            position(run.query, pattern),
                            &format!("bad regular expression: {e}"),
                            "regexes match whole index terms: lower-case, accents folded",
                        )
                    })?;
                    any.push((Occur::Should, Box::new(q) as Box<dyn Query>));
                }
                Ok(single_or_any(any))
            }
        }
    }

    fn literal(
        &mut self,
        lit: &UserInputLiteral,
        field: Field,
        kind: FieldKind,
        run: &mut Run,
        positive: bool,
    ) -> Result<Box<dyn Query>> {
        // tantivy's grammar keeps `*` and `~N` inside a bare word: read them here.
        // `"one terr*"` is read as `"one terr"*`.
        let mut lit = lit.clone();
        if let Some(stem) = lit.phrase.strip_suffix('*').filter(|s| !s.is_empty()) {
            lit.phrase = stem.to_string();
            lit.prefix = true;
        } else if lit.delimiter == Delimiter::None {
            if let Some((word, n)) = lit.phrase.rsplit_once('~') {
                if let (false, Ok(n)) = (word.is_empty(), n.parse::<u32>()) {
                    lit.slop = n;
                    lit.phrase = word.to_string();
                }
            }
        }
        let lit = &lit;
        let typed = &lit.phrase;
        match kind {
            FieldKind::Date => {
                let p = self.period(typed, run)?;
                return Ok(self.date_range(Bound::Included(p.start), Bound::Excluded(p.end)));
            }
            FieldKind::Keyword => {
                let value = if field == self.fields.lang {
                    typed.to_lowercase()
                } else {
                    typed.clone()
                };
                let term = Term::from_field_text(field, &value);
                return Ok(if lit.prefix {
                    Box::new(FuzzyTermQuery::new_prefix(term, 0, false))
                } else {
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
                });
            }
            FieldKind::Text | FieldKind::Name => {}
        }
        // Snippets show the body: its words are found in `text` too.
        let shown =
            field == self.shown || (field == self.fields.text && self.shown == self.fields.body);
        let snippet = positive && shown;
        let analyzer = if kind == FieldKind::Text {
            &mut self.text
        } else {
            &mut self.name
        };
        // Tokens at one position are alternatives (a Cyrillic word and its stem); phrases,
        // prefixes and typos use the first, the word itself.
        let groups = token_groups(analyzer, typed);
        let mut terms: Vec<String> = groups.iter().map(|g| g[0].clone()).collect();
        if terms.is_empty() {
            return Err(query_error(
                run.query,
                position(run.query, typed),
                &format!("`{typed}` has no word to search for"),
                "search words or numbers; punctuation alone is not indexed",
            ));
        }
        if field == self.fields.text && terms.len() > 1 {
            return self.text_parts(lit, run, positive);
        }
        let bare = lit.delimiter == Delimiter::None;
        if lit.prefix {
            // The prefix is matched as typed (folded, not stemmed): a stem may be shorter.
            let Some(prefix) = tokens(&mut self.name, typed).pop() else {
                return Ok(Box::new(EmptyQuery));
            };
            terms.pop();
            if snippet {
                run.matchers
                    .extend(terms.iter().cloned().map(Matcher::Term));
                run.matchers.push(Matcher::Prefix(prefix.clone()));
            }
            let prefix_term = Term::from_field_text(field, &prefix);
            if terms.is_empty() {
                return Ok(Box::new(FuzzyTermQuery::new_prefix(prefix_term, 0, false)));
            }
            let mut all: Vec<Term> = terms
                .iter()
                .map(|t| Term::from_field_text(field, t))
                .collect();
            all.push(prefix_term);
            return Ok(Box::new(PhrasePrefixQuery::new(all)));
        }
        if bare && lit.slop > 0 && terms.len() == 1 {
            if lit.slop > MAX_FUZZY_DISTANCE {
                return Err(query_error(
                    run.query,
                    position(run.query, &format!("~{}", lit.slop)),
                    &format!("edit distance {} is too large", lit.slop),
                    "write word~1 or word~2; for words near each other use \"two words\"~N",
                ));
            }
            let d = lit.slop as u8;
            if snippet {
                run.matchers.push(Matcher::Fuzzy(terms[0].clone(), d));
            }
            let term = Term::from_field_text(field, &terms[0]);
            return Ok(Box::new(FuzzyTermQuery::new(term, d, true)));
        }
        if terms.len() == 1 {
            let mut group = groups[0].clone();
            if kind == FieldKind::Text {
                // `Sudzha` also reaches `у Суджи`, `в Судже`: the Russian stem of its
                // Cyrillic spelling, as the index analyses it.
                // `Kyiv` reaches `Києва` (`kyiev`), `Kharkiv` `Харкова` (`kharkov`).
                let word = typed.to_ascii_lowercase();
                let stemmer = frostem::Stemmer::new(frostem::Algorithm::Russian);
                let mut more = translit::latin_alternations(&word);
                more.extend(translit::russian_stem_of_latin(&word, &stemmer));
                for other in more {
                    if let Some(t) = tokens(&mut self.text, &other).into_iter().next() {
                        if !group.contains(&t) {
                            group.push(t);
                        }
                    }
                }
            }
            let alternatives: Vec<(Occur, Box<dyn Query>)> = group
                .iter()
                .map(|t| {
                    if snippet {
                        run.matchers.push(Matcher::Term(t.clone()));
                    }
                    let term = Term::from_field_text(field, t);
                    let q: Box<dyn Query> =
                        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                    (Occur::Should, q)
                })
                .collect();
            return Ok(single_or_any(alternatives));
        }
        if snippet {
            run.matchers
                .extend(terms.iter().cloned().map(Matcher::Term));
        }
        if lit.slop > MAX_SLOP {
            return Err(query_error(
                run.query,
                position(run.query, &format!("~{}", lit.slop)),
                &format!("slop {} is too large", lit.slop),
                &format!("words at most {MAX_SLOP} apart: \"two words\"~{MAX_SLOP}"),
            ));
        }
        // Sloppy matching of a word repeated in the phrase grows without bound (twenty
        // `the` at ~100 took 24 GB): twice is what phrases need (`"one by one"~2`).
        if lit.slop > 0 {
            if let Some(word) = terms
                .iter()
                .find(|t| terms.iter().filter(|u| u == t).count() > MAX_SLOPPY_REPEATS)
            {
                return Err(query_error(
                    run.query,
                    position(run.query, &format!("~{}", lit.slop)),
                    &format!(
                        "`{word}` comes more than {MAX_SLOPPY_REPEATS} times in a phrase with a slop"
                    ),
                    "drop the repeated words, or the ~N (an exact phrase may repeat words)",
                ));
            }
        }
        let terms: Vec<Term> = terms
            .iter()
            .map(|t| Term::from_field_text(field, t))
            .collect();
        let mut phrase = PhraseQuery::new(terms);
        phrase.set_slop(lit.slop);
        Ok(Box::new(phrase))
    }

    /// A phrase (or phrase prefix) that names no field, asked of the parts of
    /// [`Fields::text`], which keeps no positions.
    fn text_parts(
        &mut self,
        lit: &UserInputLiteral,
        run: &mut Run,
        positive: bool,
    ) -> Result<Box<dyn Query>> {
        let mut any = Vec::with_capacity(2);
        for (field, boost) in self.fields.text_parts() {
            let q = self.literal(lit, field, FieldKind::Text, run, positive)?;
            let q: Box<dyn Query> = if boost == 1.0 {
                q
            } else {
                Box::new(BoostQuery::new(q, boost))
            };
            any.push((Occur::Should, q));
        }
        Ok(single_or_any(any))
    }

    fn period(&self, s: &str, run: &Run) -> Result<Period> {
        period(s).ok_or_else(|| {
            query_error(
                run.query,
                position(run.query, s),
                &format!("`{s}` is not a date"),
                "write date:2024, date:2024-08, date:2024-08-07 or date:[2024-01-01 TO 2024-02-01]",
            )
        })
    }

    fn date_range(&self, lo: Bound<i64>, hi: Bound<i64>) -> Box<dyn Query> {
        let f = self.fields.date;
        let term = |secs: i64| Term::from_field_date(f, crate::index::date_clamped(secs));
        Box::new(RangeQuery::new(lo.map(term), hi.map(term)))
    }
}

/// The name of a field of a query, as the schema knows it (`authors` is `author`).
fn field_name(name: &str) -> String {
    if name == "authors" { "author" } else { name }.to_string()
}

fn single_or_any(mut subs: Vec<(Occur, Box<dyn Query>)>) -> Box<dyn Query> {
    if subs.len() == 1 {
        subs.pop()
            .map(|(_, q)| q)
            .unwrap_or_else(|| Box::new(EmptyQuery))
    } else if subs.is_empty() {
        Box::new(EmptyQuery)
    } else {
        Box::new(BooleanQuery::new(subs))
    }
}

/// The analysed terms of `text`, grouped by position (the first of a group is the word).
pub fn token_groups(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut last = usize::MAX;
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        match out.last_mut() {
            Some(group) if t.position == last => group.push(t.text.clone()),
            _ => out.push(vec![t.text.clone()]),
        }
        last = t.position;
    }
    out
}

/// The analysed terms of `text`.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

/// Character position of `needle` in `query`, or 0.
fn position(query: &str, needle: &str) -> usize {
    query
        .find(needle)
        .map(|b| query[..b].chars().count())
        .unwrap_or(0)
}

pub(crate) fn query_error(query: &str, position: usize, message: &str, hint: &str) -> Error {
    Error::Query {
        query: query.to_string(),
        position,
        message: message.to_string(),
        hint: hint.to_string(),
    }
}

/// A syntax error, placed where tantivy's lenient parser first stumbles.
fn syntax_error(query: &str) -> Error {
    let (_, errors) = tantivy::query_grammar::parse_query_lenient(query);
    let first = errors.first();
    let (position, message, hint) = diagnose(query).unwrap_or((
        first.map(|e| e.pos).unwrap_or(0).min(query.chars().count()),
        first
            .map(|e| e.message.clone())
            .unwrap_or_else(|| "syntax error".to_string()),
        "see `newsidx search --help` for the query syntax",
    ));
    query_error(query, position, &message, hint)
}

/// The mistake a malformed query most likely holds, as (character position, message,
/// hint), found by looking at the query itself; None when nothing specific is seen.
fn diagnose(query: &str) -> Option<(usize, String, &'static str)> {
    let chars: Vec<char> = query.chars().collect();
    let char_pos = |byte: usize| query[..byte].chars().count();
    // An unclosed quote.
    let quotes: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| c == '"' && (i == 0 || chars[i - 1] != '\\'))
        .map(|(i, _)| i)
        .collect();
    if quotes.len() % 2 == 1 {
        return Some((
            *quotes.last()?,
            "a quote is not closed".to_string(),
            "close the phrase with a second \" (`\"swap one territory\"`)",
        ));
    }
    // Brackets that do not pair.
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut in_quote = false;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '"' => in_quote = !in_quote,
            '(' | '[' | '{' if !in_quote => open.push((i, c)),
            // The guard pops the group a closing bracket ends; with none open, it is stray.
            ')' | ']' | '}' if !in_quote && open.pop().is_none() => {
                return Some((
                    i,
                    format!("`{c}` closes nothing"),
                    "remove it, or open the group before it: `Kursk AND (Sudzha OR Suzha)`",
                ));
            }
            _ => {}
        }
    }
    if let Some((i, c)) = open.pop() {
        let hint = match c {
            '(' => "close the group with `)`: `Kursk AND (Sudzha OR Suzha)`",
            _ => "close the range: date:[2024-01-01 TO 2024-02-01], or date:>=2024-06",
        };
        return Some((i, format!("`{c}` is not closed"), hint));
    }
    // A boost that is not a number.
    if let Some(b) = query.find('^') {
        let after = &query[b + 1..];
        if !after.starts_with(|c: char| c.is_ascii_digit()) {
            return Some((
                char_pos(b),
                "a boost must be a number".to_string(),
                "write the weight after ^ as a number: title:Kursk^3",
            ));
        }
    }
    // An operator with a word missing on one side.
    let words: Vec<(usize, &str)> = query
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - query.as_ptr() as usize, w))
        .collect();
    for (k, &(at, w)) in words.iter().enumerate() {
        let binary = matches!(w, "AND" | "OR");
        let dangling = (binary && (k == 0 || k + 1 == words.len()))
            || (w == "NOT" && k + 1 == words.len())
            || (binary
                && words
                    .get(k + 1)
                    .is_some_and(|(_, n)| matches!(*n, "AND" | "OR")));
        if dangling {
            return Some((
                char_pos(at),
                format!("`{w}` needs a word on each side"),
                "join two words: Kursk AND Sudzha; to search the word itself, write it in lower case or quote it: \"and\"",
            ));
        }
    }
    // A word with more than one field prefix.
    for &(at, w) in &words {
        let w = w.trim_start_matches(['+', '-']);
        if !w.starts_with('"') && w.matches(':').count() > 1 {
            return Some((
                char_pos(at),
                format!("`{w}` has more than one `field:`"),
                "one field per word (author:Sauer); quote text that holds a colon: \"a:b\"",
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ors_of_ors_are_flattened_and_nothing_else() {
        let field = tantivy::schema::Field::from_field_id(0);
        let term = |w: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, w),
                IndexRecordOption::WithFreqs,
            ))
        };
        let or = |qs: Vec<Box<dyn Query>>| -> Box<dyn Query> {
            Box::new(BooleanQuery::new(
                qs.into_iter().map(|q| (Occur::Should, q)).collect(),
            ))
        };
        let shape = |q: &dyn Query| -> Vec<(Occur, bool)> {
            q.downcast_ref::<BooleanQuery>()
                .map(|b| {
                    b.clauses()
                        .iter()
                        .map(|(o, c)| (*o, c.downcast_ref::<BooleanQuery>().is_some()))
                        .collect()
                })
                .unwrap_or_default()
        };
        // Two words over two fields each (one boosted): four terms in one union.
        let nested = or(vec![
            or(vec![Box::new(BoostQuery::new(term("a"), 2.0)), term("b")]),
            or(vec![term("c"), term("d")]),
        ]);
        assert_eq!(
            shape(&*flatten_should(nested)),
            vec![(Occur::Should, false); 4]
        );
        // A required part keeps its structure.
        let must = Box::new(BooleanQuery::new(vec![
            (Occur::Must, or(vec![term("a"), term("b")])),
            (Occur::Should, term("c")),
        ]));
        let kept = shape(&*flatten_should(must));
        assert_eq!(kept, vec![(Occur::Must, true), (Occur::Should, false)]);
        // One word alone is already flat.
        assert_eq!(shape(&*flatten_should(term("a"))), vec![]);
    }

    #[test]
    fn only_plain_or_queries_are_prunable() {
        let cases = [
            ("Sudzha", true),
            ("Kursk Sudzha", true),
            ("Kursk OR Sudzha", true),
            ("Kursk^2 Sudzha", true),
            ("\"swap territory\"", false),
            ("+Kursk +Sudzha", false),
            ("Kursk -Sudzha", false),
            ("Sudz*", false),
            ("Sudzja~1", false),
            // Field-scoped words are left out: `date:2025` is a range.
            ("title:Sudzha", false),
            ("date:2025", false),
            ("U.S.", false),
        ];
        for (q, want) in cases {
            let ast = tantivy::query_grammar::parse_query(q).unwrap();
            assert_eq!(prunable(&ast), want, "{q}");
        }
    }

    #[test]
    fn periods_cover_whole_days_months_years() {
        let day = 86_400;
        let jan1_2025 = 1_735_689_600;
        let cases = [
            ("2025", Some((jan1_2025, jan1_2025 + 365 * day))),
            ("2025-01", Some((jan1_2025, jan1_2025 + 31 * day))),
            ("2025-01-01", Some((jan1_2025, jan1_2025 + day))),
            (
                "2024-02-29",
                Some((jan1_2025 - 307 * day, jan1_2025 - 306 * day)),
            ),
            (
                "2025-12",
                Some((jan1_2025 + 334 * day, jan1_2025 + 365 * day)),
            ),
            ("2025-01-01T00:00:00Z", Some((jan1_2025, jan1_2025 + 1))),
            ("2025-02-30", None),
            ("2025-13", None),
            ("25", None),
            ("soon", None),
        ];
        for (s, want) in cases {
            assert_eq!(period(s).map(|p| (p.start, p.end)), want, "{s}");
        }
    }
}
