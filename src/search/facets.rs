//! Stage 6c: facets. Counts of authors, sources, years, months, languages or speakers over the
//! whole matching set, collected in the same pass as the ranking, from fast fields
//! (term ordinals per segment, resolved to text once per segment).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::schema::Schema;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::schema::Fields;

/// What a facet counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetKind {
    Author,
    Agency,
    Source,
    Year,
    /// `YYYY-MM`: the matches' months (a date histogram).
    Month,
    Lang,
    Speaker,
}

impl FacetKind {
    pub const ALL: [FacetKind; 7] = [
        FacetKind::Author,
        FacetKind::Agency,
        FacetKind::Source,
        FacetKind::Year,
        FacetKind::Month,
        FacetKind::Lang,
        FacetKind::Speaker,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FacetKind::Author => "author",
            FacetKind::Agency => "agency",
            FacetKind::Source => "source",
            FacetKind::Year => "year",
            FacetKind::Month => "month",
            FacetKind::Lang => "lang",
            FacetKind::Speaker => "speaker",
        }
    }
}

impl fmt::Display for FacetKind {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for FacetKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        FacetKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| {
                format!("unknown facet `{s}`; known: author, agency, source, year, month, lang, speaker")
            })
    }
}

/// One value of a facet and the number of matching articles having it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// Facet name -> values, most frequent first (ties by value).
pub type Facets = BTreeMap<FacetKind, Vec<FacetCount>>;

/// Counts facets of every matching document. An article with two authors counts once
/// for each; an article quoting one speaker three times counts once for that speaker.
/// Counting stories ([`Self::stories`]), the copies of one story count once for each
/// value any of them has.
pub struct FacetCollector {
    kinds: Vec<FacetKind>,
    /// Fast-field names of the kinds, from the schema (None for `year`, which reads `date`).
    names: Vec<String>,
    date: String,
    /// The cluster column's name, when stories are counted instead of articles.
    stories: Option<String>,
}

impl FacetCollector {
    pub fn new(schema: &Schema, fields: &Fields, kinds: &[FacetKind]) -> Self {
        let name = |f| schema.get_field_name(f).to_string();
        let names = kinds.iter().map(|k| name(field_of(*k, fields))).collect();
        FacetCollector {
            kinds: kinds.to_vec(),
            names,
            date: name(fields.date),
            stories: None,
        }
    }

    /// Counts stories (distinct clusters of [`Fields::cluster`]) instead of articles when
    /// `yes`.
    pub fn stories(mut self, schema: &Schema, fields: &Fields, yes: bool) -> Self {
        self.stories = yes.then(|| schema.get_field_name(fields.cluster).to_string());
        self
    }
}

/// The field whose fast column a facet counts (`date` for years and months).
pub fn field_of(kind: FacetKind, fields: &Fields) -> tantivy::schema::Field {
    match kind {
        FacetKind::Author => fields.author,
        FacetKind::Agency => fields.agency,
        FacetKind::Source => fields.source,
        FacetKind::Lang => fields.lang,
        FacetKind::Speaker => fields.speaker,
        FacetKind::Year | FacetKind::Month => fields.date,
    }
}

enum Source {
    Str(Option<StrColumn>, Vec<u64>),
    Date(Column<tantivy::DateTime>, PeriodCounts),
}

/// The stories of one segment by value: each value (resolved to text; unknown speakers,
/// "", left out) with its distinct clusters, in order.
fn story_pairs(source: &Source, mut pairs: StoryPairs) -> Vec<(String, Vec<u64>)> {
    pairs.sort_unstable();
    pairs.dedup();
    // Runs of one value key: (key, its clusters).
    let mut runs: Vec<(u64, Vec<u64>)> = Vec::new();
    for (key, cluster) in pairs {
        match runs.last_mut() {
            Some((k, list)) if *k == key => list.push(cluster),
            _ => runs.push((key, vec![cluster])),
        }
    }
    match source {
        Source::Str(Some(col), _) => {
            let ords: Vec<u64> = runs.iter().map(|r| r.0).collect();
            let mut values = Vec::with_capacity(ords.len());
            if col
                .dictionary()
                .sorted_ords_to_term_cb(&ords, |v| {
                    values.push(String::from_utf8_lossy(v).into_owned())
                })
                .is_err()
            {
                return Vec::new();
            }
            values
                .into_iter()
                .zip(runs)
                .filter(|(v, _)| !v.is_empty())
                .map(|(v, (_, clusters))| (v, clusters))
                .collect()
        }
        Source::Str(None, _) => Vec::new(),
        Source::Date(_, periods) => runs
            .into_iter()
            .map(|(key, clusters)| (periods.unit.label(key as i64), clusters))
            .collect(),
    }
}

/// First and last year counted by table; dates outside are counted by calendar.
const FIRST_YEAR: i32 = 1800;
const LAST_YEAR: i32 = 2200;

/// The periods a date facet counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Year,
    Month,
}

impl Unit {
    /// Start of each period from [`FIRST_YEAR`] to [`LAST_YEAR`], and of the one after,
    /// in seconds (UTC): a period is found by a binary search (9 steps for years, 13 for
    /// months). A calendar conversion per matching article was a fifth of a faceted
    /// search over a common word (the dates of a corpus are in no order, so remembering
    /// the last period's bounds rarely helped).
    fn starts(self) -> &'static [i64] {
        static YEARS: LazyLock<Vec<i64>> = LazyLock::new(|| period_starts(1));
        static MONTHS: LazyLock<Vec<i64>> = LazyLock::new(|| period_starts(12));
        match self {
            Unit::Year => &YEARS,
            Unit::Month => &MONTHS,
        }
    }

    /// The key of the period holding `t`: the year, or `year * 12 + month0`.
    fn key(self, t: chrono::DateTime<chrono::Utc>) -> i64 {
        match self {
            Unit::Year => i64::from(t.year()),
            Unit::Month => i64::from(t.year()) * 12 + i64::from(t.month0()),
        }
    }

    /// The key of the `i`th period of the table.
    fn table_key(self, i: usize) -> i64 {
        match self {
            Unit::Year => i64::from(FIRST_YEAR) + i as i64,
            Unit::Month => i64::from(FIRST_YEAR) * 12 + i as i64,
        }
    }

    /// The key of the period holding `secs`.
    fn key_of(self, secs: i64) -> Option<i64> {
        let starts = self.starts();
        if !starts.is_empty() && secs >= starts[0] && secs < starts[starts.len() - 1] {
            Some(self.table_key(starts.partition_point(|&s| s <= secs) - 1))
        } else {
            chrono::DateTime::from_timestamp(secs, 0).map(|t| self.key(t))
        }
    }

    /// A period's value as shown: `2025`, `2025-03`.
    fn label(self, key: i64) -> String {
        match self {
            Unit::Year => key.to_string(),
            Unit::Month => format!("{}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1),
        }
    }
}

/// The starts of the periods of `per_year` months each, [`FIRST_YEAR`] to [`LAST_YEAR`] + 1.
fn period_starts(per_year: u32) -> Vec<i64> {
    let step = 12 / per_year;
    (FIRST_YEAR..=LAST_YEAR + 1)
        .flat_map(|y| (0..per_year).map(move |i| (y, 1 + i * step)))
        .take_while(|&(y, m)| y <= LAST_YEAR || m == 1)
        .filter_map(|(y, m)| chrono::NaiveDate::from_ymd_opt(y, m, 1))
        .filter_map(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp())
        .collect()
}

/// Articles per year or month.
struct PeriodCounts {
    unit: Unit,
    /// Counts of the table's periods ([`FIRST_YEAR`]..=[`LAST_YEAR`]).
    table: Vec<u64>,
    other: BTreeMap<i64, u64>,
}

impl PeriodCounts {
    fn new(unit: Unit) -> Self {
        PeriodCounts {
            unit,
            table: vec![0; unit.starts().len().saturating_sub(1)],
            other: BTreeMap::new(),
        }
    }

    fn add(&mut self, secs: i64) {
        let starts = self.unit.starts();
        if !self.table.is_empty() && secs >= starts[0] && secs < starts[starts.len() - 1] {
            self.table[starts.partition_point(|&s| s <= secs) - 1] += 1;
        } else if let Some(t) = chrono::DateTime::from_timestamp(secs, 0) {
            *self.other.entry(self.unit.key(t)).or_default() += 1;
        }
    }

    /// Counts by period key, in order.
    fn into_counts(self) -> BTreeMap<i64, u64> {
        let mut counts = self.other;
        for (i, n) in self.table.into_iter().enumerate() {
            if n > 0 {
                *counts.entry(self.unit.table_key(i)).or_default() += n;
            }
        }
        counts
    }
}

pub struct FacetSegment {
    kinds: Vec<FacetKind>,
    sources: Vec<Source>,
    seen: Vec<u64>,
    /// Counting stories: the cluster column and, per kind, the (value key, cluster) pairs
    /// met (a value key is a term ordinal, or a period key as u64).
    stories: Option<(Column<u64>, Vec<StoryPairs>)>,
}

/// (value key, cluster) pairs met in a segment (sorted and deduplicated at harvest:
/// cheaper than a set per match).
type StoryPairs = Vec<(u64, u64)>;

/// What one segment found: counts of articles, or (value, cluster) pairs of stories.
pub struct SegmentFacets {
    counts: Facets,
    pairs: BTreeMap<FacetKind, Vec<(String, Vec<u64>)>>,
}

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let ff = reader.fast_fields();
        let mut sources = Vec::with_capacity(self.kinds.len());
        for (kind, name) in self.kinds.iter().zip(&self.names) {
            sources.push(match kind {
                FacetKind::Year => {
                    Source::Date(ff.date(&self.date)?, PeriodCounts::new(Unit::Year))
                }
                FacetKind::Month => {
                    Source::Date(ff.date(&self.date)?, PeriodCounts::new(Unit::Month))
                }
                _ => {
                    let col = ff.str(name)?;
                    let n = col.as_ref().map(|c| c.num_terms()).unwrap_or(0);
                    Source::Str(col, vec![0; n])
                }
            });
        }
        let stories = match &self.stories {
            Some(name) => Some((ff.u64(name)?, vec![Vec::new(); self.kinds.len()])),
            None => None,
        };
        Ok(FacetSegment {
            kinds: self.kinds.clone(),
            sources,
            seen: Vec::new(),
            stories,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFacets>) -> tantivy::Result<Facets> {
        let mut sums: BTreeMap<FacetKind, BTreeMap<String, u64>> = BTreeMap::new();
        let mut pairs: BTreeMap<FacetKind, BTreeMap<String, Vec<u64>>> = BTreeMap::new();
        for fruit in fruits {
            for (kind, counts) in fruit.counts {
                let slot = sums.entry(kind).or_default();
                for c in counts {
                    *slot.entry(c.value).or_default() += c.count;
                }
            }
            for (kind, list) in fruit.pairs {
                let slot = pairs.entry(kind).or_default();
                for (value, clusters) in list {
                    slot.entry(value).or_default().extend(clusters);
                }
            }
        }
        // A story counts once per value, however many of its copies have it and
        // whichever segments they sit in.
        for (kind, values) in pairs {
            let slot = sums.entry(kind).or_default();
            for (value, mut clusters) in values {
                clusters.sort_unstable();
                clusters.dedup();
                *slot.entry(value).or_default() += clusters.len() as u64;
            }
        }
        let mut out = Facets::new();
        for kind in &self.kinds {
            let mut counts: Vec<(String, u64)> =
                sums.remove(kind).unwrap_or_default().into_iter().collect();
            if *kind == FacetKind::Speaker {
                // One person, one line: `Blair` alone joins `Tony Blair`.
                counts = crate::extract::speakers::merge_counts(counts);
            }
            let mut list: Vec<FacetCount> = counts
                .into_iter()
                .map(|(value, count)| FacetCount { value, count })
                .collect();
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            out.insert(*kind, list);
        }
        Ok(out)
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = SegmentFacets;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some((clusters, pairs)) = &mut self.stories {
            let cluster = clusters.first(doc).unwrap_or(0);
            for (source, pairs) in self.sources.iter().zip(pairs) {
                match source {
                    Source::Str(Some(col), _) => {
                        for ord in col.term_ords(doc) {
                            pairs.push((ord, cluster));
                        }
                    }
                    Source::Str(None, _) => {}
                    Source::Date(col, periods) => {
                        if let Some(d) = col.first(doc) {
                            if let Some(key) = periods.unit.key_of(d.into_timestamp_secs()) {
                                pairs.push((key as u64, cluster));
                            }
                        }
                    }
                }
            }
            return;
        }
        for source in &mut self.sources {
            match source {
                Source::Str(Some(col), counts) => {
                    self.seen.clear();
                    for ord in col.term_ords(doc) {
                        // Count a value once per article even when it repeats (speakers).
                        if !self.seen.contains(&ord) {
                            self.seen.push(ord);
                            counts[ord as usize] += 1;
                        }
                    }
                }
                Source::Str(None, _) => {}
                Source::Date(col, periods) => {
                    if let Some(d) = col.first(doc) {
                        periods.add(d.into_timestamp_secs());
                    }
                }
            }
        }
    }

    fn harvest(self) -> SegmentFacets {
        if let Some((_, pairs)) = self.stories {
            let mut out = BTreeMap::new();
            for ((kind, source), set) in self.kinds.into_iter().zip(self.sources).zip(pairs) {
                out.insert(kind, story_pairs(&source, set));
            }
            return SegmentFacets {
                counts: Facets::new(),
                pairs: out,
            };
        }
        let mut out = Facets::new();
        for (kind, source) in self.kinds.into_iter().zip(self.sources) {
            let list = match source {
                Source::Str(Some(col), counts) => {
                    // The values counted, resolved in ordinal order: one pass over the
                    // dictionary's blocks (a lookup per value decoded its block again).
                    let (ords, counts): (Vec<u64>, Vec<u64>) = counts
                        .into_iter()
                        .enumerate()
                        .filter(|(_, n)| *n > 0)
                        .map(|(ord, n)| (ord as u64, n))
                        .unzip();
                    let mut list = Vec::with_capacity(ords.len());
                    let mut counts = counts.into_iter();
                    let resolved = col.dictionary().sorted_ords_to_term_cb(&ords, |value| {
                        let count = counts.next().unwrap_or(0);
                        // Unknown speakers are stored as "": not a value worth listing.
                        if !value.is_empty() {
                            list.push(FacetCount {
                                value: String::from_utf8_lossy(value).into_owned(),
                                count,
                            });
                        }
                    });
                    if resolved.is_err() {
                        list.clear();
                    }
                    list
                }
                Source::Str(None, _) => Vec::new(),
                Source::Date(_, periods) => {
                    let unit = periods.unit;
                    periods
                        .into_counts()
                        .into_iter()
                        .map(|(key, count)| FacetCount {
                            value: unit.label(key),
                            count,
                        })
                        .collect()
                }
            };
            out.insert(kind, list);
        }
        SegmentFacets {
            counts: out,
            pairs: BTreeMap::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_counted_across_boundaries() {
        let secs = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp();
        let mut years = PeriodCounts::new(Unit::Year);
        for d in [
            "2024-12-31T23:59:59Z",
            "2025-01-01T00:00:00Z",
            "2025-06-01T12:00:00Z",
            "2024-03-01T00:00:00Z",
            "2025-12-31T23:59:59Z",
            "1969-12-31T23:59:59Z",
            // Outside the table: by calendar.
            "1700-05-01T00:00:00Z",
            "2300-01-01T00:00:00Z",
            "2200-12-31T23:59:59Z",
            "1800-01-01T00:00:00Z",
        ] {
            years.add(secs(d));
        }
        let want: BTreeMap<i64, u64> = [
            (1700, 1),
            (1800, 1),
            (1969, 1),
            (2024, 2),
            (2025, 3),
            (2200, 1),
            (2300, 1),
        ]
        .into_iter()
        .collect();
        assert_eq!(years.into_counts(), want);
    }

    proptest::proptest! {
        #[test]
        fn years_agree_with_the_calendar(secs in -10_000_000_000i64..10_000_000_000i64) {
            let mut years = PeriodCounts::new(Unit::Year);
            years.add(secs);
            let want = i64::from(chrono::DateTime::from_timestamp(secs, 0).unwrap().year());
            let got: Vec<(i64, u64)> = years.into_counts().into_iter().collect();
            proptest::prop_assert_eq!(got, vec![(want, 1)]);
        }

        #[test]
        fn months_agree_with_the_calendar(secs in -10_000_000_000i64..10_000_000_000i64) {
            let mut months = PeriodCounts::new(Unit::Month);
            months.add(secs);
            let t = chrono::DateTime::from_timestamp(secs, 0).unwrap();
            let got: Vec<String> = months
                .into_counts()
                .into_keys()
                .map(|k| Unit::Month.label(k))
                .collect();
            proptest::prop_assert_eq!(got, vec![t.format("%Y-%m").to_string()]);
        }
    }

    #[test]
    fn months_are_counted_at_their_boundaries() {
        let secs = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp();
        let mut months = PeriodCounts::new(Unit::Month);
        for d in [
            "2024-02-29T23:59:59Z",
            "2024-03-01T00:00:00Z",
            "2200-12-31T23:59:59Z",
            "1800-01-01T00:00:00Z",
            "1799-12-31T23:59:59Z",
            "2201-01-01T00:00:00Z",
        ] {
            months.add(secs(d));
        }
        let got: Vec<(String, u64)> = months
            .into_counts()
            .into_iter()
            .map(|(k, n)| (Unit::Month.label(k), n))
            .collect();
        let want = [
            "1799-12", "1800-01", "2024-02", "2024-03", "2200-12", "2201-01",
        ]
        .map(|m| (m.to_string(), 1));
        assert_eq!(got, want);
        assert_eq!(Unit::Month.starts().len(), (2200 - 1800 + 1) * 12 + 1);
    }

    #[test]
    fn facet_names_round_trip() {
        for k in FacetKind::ALL {
            assert_eq!(k.name().parse::<FacetKind>(), Ok(k));
        }
        assert!("publisher"
            .parse::<FacetKind>()
            .unwrap_err()
            .contains("known: author"));
    }
}
