//! Stage 6c: facets. Counts of authors, sources, years, languages or speakers over the
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
    Lang,
    Speaker,
}

impl FacetKind {
    pub const ALL: [FacetKind; 6] = [
        FacetKind::Author,
        FacetKind::Agency,
        FacetKind::Source,
        FacetKind::Year,
        FacetKind::Lang,
        FacetKind::Speaker,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FacetKind::Author => "author",
            FacetKind::Agency => "agency",
            FacetKind::Source => "source",
            FacetKind::Year => "year",
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
                format!("unknown facet `{s}`; known: author, agency, source, year, lang, speaker")
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
pub struct FacetCollector {
    kinds: Vec<FacetKind>,
    /// Fast-field names of the kinds, from the schema (None for `year`, which reads `date`).
    names: Vec<String>,
    date: String,
}

impl FacetCollector {
    pub fn new(schema: &Schema, fields: &Fields, kinds: &[FacetKind]) -> Self {
        let name = |f| schema.get_field_name(f).to_string();
        let names = kinds
            .iter()
            .map(|k| match k {
                FacetKind::Author => name(fields.author),
                FacetKind::Agency => name(fields.agency),
                FacetKind::Source => name(fields.source),
                FacetKind::Lang => name(fields.lang),
                FacetKind::Speaker => name(fields.speaker),
                FacetKind::Year => name(fields.date),
            })
            .collect();
        FacetCollector {
            kinds: kinds.to_vec(),
            names,
            date: name(fields.date),
        }
    }
}

enum Source {
    Str(Option<StrColumn>, Vec<u64>),
    Year(Column<tantivy::DateTime>, YearCounts),
}

/// First and last year counted by table; dates outside are counted by calendar.
const FIRST_YEAR: i32 = 1800;
const LAST_YEAR: i32 = 2200;

/// Start of each year from [`FIRST_YEAR`] to [`LAST_YEAR`] + 1, in seconds (UTC): a year
/// is found by a binary search of nine steps. A calendar conversion per matching article
/// was a fifth of a faceted search over a common word (the dates of a corpus are in no
/// order, so remembering the last year's bounds rarely helped).
static YEAR_STARTS: LazyLock<Vec<i64>> = LazyLock::new(|| {
    (FIRST_YEAR..=LAST_YEAR + 1)
        .filter_map(|y| chrono::NaiveDate::from_ymd_opt(y, 1, 1))
        .filter_map(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp())
        .collect()
});

/// Articles per year.
struct YearCounts {
    /// Counts of the years [`FIRST_YEAR`]..=[`LAST_YEAR`].
    table: Vec<u64>,
    other: BTreeMap<i32, u64>,
}

impl Default for YearCounts {
    fn default() -> Self {
        YearCounts {
            table: vec![0; (LAST_YEAR - FIRST_YEAR + 1) as usize],
            other: BTreeMap::new(),
        }
    }
}

impl YearCounts {
    fn add(&mut self, secs: i64) {
        let starts = &*YEAR_STARTS;
        if starts.len() == self.table.len() + 1
            && secs >= starts[0]
            && secs < starts[starts.len() - 1]
        {
            self.table[starts.partition_point(|&s| s <= secs) - 1] += 1;
        } else if let Some(t) = chrono::DateTime::from_timestamp(secs, 0) {
            *self.other.entry(t.year()).or_default() += 1;
        }
    }

    fn into_counts(self) -> BTreeMap<i32, u64> {
        let mut counts = self.other;
        for (i, n) in self.table.into_iter().enumerate() {
            if n > 0 {
                *counts.entry(FIRST_YEAR + i as i32).or_default() += n;
            }
        }
        counts
    }
}

pub struct FacetSegment {
    kinds: Vec<FacetKind>,
    sources: Vec<Source>,
    seen: Vec<u64>,
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
                FacetKind::Year => Source::Year(ff.date(&self.date)?, YearCounts::default()),
                _ => {
                    let col = ff.str(name)?;
                    let n = col.as_ref().map(|c| c.num_terms()).unwrap_or(0);
                    Source::Str(col, vec![0; n])
                }
            });
        }
        Ok(FacetSegment {
            kinds: self.kinds.clone(),
            sources,
            seen: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Facets>) -> tantivy::Result<Facets> {
        let mut sums: BTreeMap<FacetKind, BTreeMap<String, u64>> = BTreeMap::new();
        for fruit in fruits {
            for (kind, counts) in fruit {
                let slot = sums.entry(kind).or_default();
                for c in counts {
                    *slot.entry(c.value).or_default() += c.count;
                }
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
    type Fruit = Facets;

    fn collect(&mut self, doc: DocId, _: Score) {
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
                Source::Year(col, years) => {
                    if let Some(d) = col.first(doc) {
                        years.add(d.into_timestamp_secs());
                    }
                }
            }
        }
    }

    fn harvest(self) -> Facets {
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
                Source::Year(_, years) => years
                    .into_counts()
                    .into_iter()
                    .map(|(y, count)| FacetCount {
                        value: y.to_string(),
                        count,
                    })
                    .collect(),
            };
            out.insert(kind, list);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_counted_across_boundaries() {
        let secs = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp();
        let mut years = YearCounts::default();
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
        let want: BTreeMap<i32, u64> = [
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
            let mut years = YearCounts::default();
            years.add(secs);
            let want = chrono::DateTime::from_timestamp(secs, 0).unwrap().year();
            let got: Vec<(i32, u64)> = years.into_counts().into_iter().collect();
            proptest::prop_assert_eq!(got, vec![(want, 1)]);
        }
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
