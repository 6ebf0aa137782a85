//! Ground floor: dates as news pages write them, normalised to RFC 3339 at the offset they state
//! (UTC when they state none).
//!
//! Two entry points: [`parse_date`] for metadata values (ISO 8601, RFC 2822, and the
//! written forms) and [`parse_dateline`] for a whole line of article text, which must be
//! nothing but a date (optionally labelled "Published:", "Updated", ...) to count.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use regex::Regex;

const MONTH: &str = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const WEEKDAY: &str =
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s+)?";
const TIME: &str = r"(?:(?:\s*,|\s+at|\s*[-–—·|])?\s*(?P<hour>\d{1,2})[.:h](?P<min>\d{2})(?:[.:](?P<sec>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?\s*(?P<tz>gmt|utc|bst|cet|cest|eet|eest|est|edt|cst|cdt|mst|mdt|pst|pdt|et|ct|mt|pt|z|[+-]\d{2}:?\d{2})?)?";
const LABEL: &str = r"(?:(?:first\s+)?(?:published|updated|posted|last\s+updated|last\s+modified|modified|date|dated|created)(?:\s+(?:on|at))?\s*:?\s*)?";

static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^{LABEL}{WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH},?\s+(?P<year>\d{{4}}){TIME}$"))
        .expect("static regex is valid")
});
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^{LABEL}{WEEKDAY}{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){TIME}$"))
        .expect("static regex is valid")
});
/// Day, month and year in figures with dots, as German, Nordic, Slavic and other
/// European pages write them (`28.04.2023`, `29.04.2023, 11:14 Uhr`): dots always mean
/// this order.
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^{LABEL}{WEEKDAY}(?P<day>\d{{1,2}})\.\s?(?P<mnum>\d{{1,2}})\.\s?(?P<year>\d{{4}}){TIME}(?:\s*uhr)?$"))
        .expect("static regex is valid")
});
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^{LABEL}(?P<year>\d{{4}})[-/](?P<mnum>\d{{1,2}})[-/](?P<day>\d{{1,2}})(?:[t ]|\s*,\s*)?{TIME}$"))
        .expect("static regex is valid")
});

/// Parses a date from metadata: RFC 3339, ISO 8601 without zone (taken as UTC),
/// RFC 2822, or any form [`parse_dateline`] accepts. Returns RFC 3339 in UTC.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(d) = parse_zoned(s) {
        return Some(to_rfc3339(d));
    }
    if let Some(d) = parse_naive(s) {
        return Some(to_rfc3339(Utc.from_utc_datetime(&d).fixed_offset()));
    }
    parse_dateline(s)
}

/// A timestamp with its zone: RFC 3339, RFC 2822, ISO 8601 with `+hhmm`.
fn parse_zoned(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_rfc2822(s))
        .ok()
        .or_else(|| {
            [
                "%Y-%m-%dT%H:%M:%S%.f%z",
                "%Y-%m-%dT%H:%M%z",
                "%Y-%m-%d %H:%M:%S%.f%z",
            ]
            .iter()
            .find_map(|fmt| DateTime::parse_from_str(s, fmt).ok())
        })
}

/// An ISO 8601 timestamp without a zone.
fn parse_naive(s: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|fmt| NaiveDateTime::parse_from_str(s.trim(), fmt).ok())
}

/// `chosen` (RFC 3339, from [`parse_date`]) at the publisher's own offset when the page
/// states it elsewhere. Structured metadata is often in UTC while the page shows local
/// time, and the day a reader sees is the local one: an article published at 22:22 in New
/// York is dated the 22nd, though UTC says the 23rd. `others` are the page's other date
/// values; the first that names the same instant (within a minute) with a non-zero
/// offset, or without a zone but a whole number of half hours (up to -12 h or +14 h)
/// away from UTC (to the second in ISO form; to the minute as written, `December 22,
/// 2023 10:00 PM`, `Dec 23, 2023 5:06pm PT`), gives the offset. Otherwise `chosen` is
/// returned unchanged.
pub fn at_local_offset(chosen: &str, others: &[String]) -> String {
    let Ok(at) = DateTime::parse_from_rfc3339(chosen) else {
        return chosen.to_string();
    };
    if at.offset().local_minus_utc() != 0 {
        return chosen.to_string();
    }
    let utc = at.naive_utc();
    for other in others {
        let offset = if let Some(d) = parse_zoned(other) {
            let same = (d.naive_utc() - utc).num_seconds().abs() <= 60;
            (same && d.offset().local_minus_utc() != 0).then(|| *d.offset())
        } else if let Some(local) = parse_naive(other) {
            offset_of_wall_clock(local, utc, 1)
        } else if let Some(w) = written(other).filter(|w| w.timed && !w.exact_zone) {
            // Written times show minutes, not seconds.
            offset_of_wall_clock(w.local, utc, 60)
        } else {
            None
        };
        if let Some(offset) = offset {
            return to_rfc3339(at.with_timezone(&offset));
        }
    }
    chosen.to_string()
}

/// The offset at which the wall-clock time `local` shows the instant `utc`: a whole
/// number of half hours from -12 h to +14 h, give or take `tolerance` seconds.
fn offset_of_wall_clock(
    local: NaiveDateTime,
    utc: NaiveDateTime,
    tolerance: i64,
) -> Option<FixedOffset> {
    let diff = (local - utc).num_seconds();
    let halves = (diff as f64 / 1800.0).round() as i64;
    let residual = (diff - halves * 1800).abs();
    ((-24..=28).contains(&halves) && halves != 0 && residual <= tolerance)
        .then(|| FixedOffset::east_opt((halves * 1800) as i32))
        .flatten()
}

/// Parses a line that is only a date, such as `Published: 3 January 2025`,
/// `Mon 7 Jun 2024 08.15 GMT`, `March 5, 2024 at 10:30 am EST`, `2024-03-05`.
/// Returns RFC 3339 in UTC, or `None` when the line holds anything else.
pub fn parse_dateline(line: &str) -> Option<String> {
    let w = written(line)?;
    let tz = FixedOffset::east_opt(w.offset)?;
    let local = tz.from_local_datetime(&w.local).single()?;
    Some(to_rfc3339(local))
}

/// A date as written on a page: its wall-clock time, the offset its zone names (0 when
/// it names none), and whether that offset is known exactly (`PT` says Pacific, not
/// whether it is summer: its standard offset is used).
struct Written {
    local: NaiveDateTime,
    offset: i32,
    exact_zone: bool,
    /// Whether a time of day is written (else midnight).
    timed: bool,
}

fn written(line: &str) -> Option<Written> {
    let line = line.trim().trim_end_matches('.');
    if line.len() > 80 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let caps = DMY
        .captures(line)
        .or_else(|| MDY.captures(line))
        .or_else(|| ISO.captures(line))
        .or_else(|| DOTTED.captures(line))?;
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = caps.name("year")?.as_str().parse::<i32>().ok()?;
    let month = match caps.name("month") {
        Some(m) => month_number(m.as_str())?,
        None => num("mnum")?,
    };
    let date = NaiveDate::from_ymd_opt(year, month, num("day")?)?;
    let mut hour = num("hour").unwrap_or(0);
    if let Some(ampm) = caps.name("ampm") {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        if hour == 12 {
            hour = 0;
        }
        if pm {
            hour += 12;
        }
    }
    let time = NaiveTime::from_hms_opt(hour, num("min").unwrap_or(0), num("sec").unwrap_or(0))?;
    let zone = caps.name("tz").map(|z| z.as_str().to_ascii_lowercase());
    let offset = match &zone {
        Some(z) => zone_offset(z)?,
        None => 0,
    };
    Some(Written {
        local: date.and_time(time),
        offset,
        exact_zone: zone.is_some_and(|z| !matches!(z.as_str(), "et" | "ct" | "mt" | "pt")),
        timed: caps.name("hour").is_some(),
    })
}

/// RFC 3339 at the offset the source stated (`Z` for UTC): the publication day is the
/// day where it was published, which UTC can move by one.
fn to_rfc3339(d: DateTime<FixedOffset>) -> String {
    d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn month_number(m: &str) -> Option<u32> {
    let m = m.to_ascii_lowercase();
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    NAMES
        .iter()
        .position(|n| m.starts_with(n))
        .map(|i| i as u32 + 1)
}

/// Offset in seconds east of UTC for the zone names datelines use.
fn zone_offset(z: &str) -> Option<i32> {
    let z = z.to_ascii_lowercase();
    let hours = match z.as_str() {
        "gmt" | "utc" | "z" => 0,
        "bst" | "cet" => 1,
        "cest" | "eet" => 2,
        "eest" => 3,
        "est" => -5,
        "edt" => -4,
        "cdt" => -5,
        "cst" => -6,
        "mst" => -7,
        "mdt" => -6,
        "pst" => -8,
        "pdt" => -7,
        // Zones named without the season: their standard offsets.
        "et" => -5,
        "ct" => -6,
        "mt" => -7,
        "pt" => -8,
        _ => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let digits: String = z.chars().filter(char::is_ascii_digit).collect();
            let h: i32 = digits.get(..2)?.parse().ok()?;
            let m: i32 = digits.get(2..4)?.parse().ok()?;
            return Some(sign * (h * 3600 + m * 60));
        }
    };
    Some(hours * 3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_metadata_takes_the_offset_the_page_shows() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let cases = [
            // The same instant shown at -05:00 elsewhere on the page: the New York day.
            (
                "2023-12-23T03:22:07Z",
                s(&["2023-12-23T03:22:07Z", "2023-12-22T22:22:07-0500"]),
                "2023-12-22T22:22:07-05:00",
            ),
            // A zone-less local rendering eight hours behind UTC.
            (
                "2023-12-24T01:06:51Z",
                s(&["2023-12-23 17:06:51"]),
                "2023-12-23T17:06:51-08:00",
            ),
            // Another instant (an update) is not the same article time: unchanged.
            (
                "2023-12-02T00:46:23Z",
                s(&["2023-11-17T15:29:33-05:00"]),
                "2023-12-02T00:46:23Z",
            ),
            // A naive time not a whole number of half hours away: another moment.
            (
                "2023-10-16T21:56:19Z",
                s(&["2023-10-16 18:26:00"]),
                "2023-10-16T21:56:19Z",
            ),
            (
                "2023-10-16T21:56:19Z",
                s(&["2023-10-16 21:56:00"]),
                "2023-10-16T21:56:19Z",
            ),
            // India, half an hour off the hour.
            (
                "2023-10-16T21:56:19Z",
                s(&["2023-10-17T03:26:19"]),
                "2023-10-17T03:26:19+05:30",
            ),
            // Already local: kept.
            (
                "2023-12-01T19:46:23-05:00",
                s(&["2023-12-02T09:46:23+09:00"]),
                "2023-12-01T19:46:23-05:00",
            ),
            ("2023-12-22T22:20:00Z", s(&[]), "2023-12-22T22:20:00Z"),
            // Written local times, to the minute, without a zone or with a seasonless one.
            (
                "2023-12-23T03:00:46Z",
                s(&["December 22, 2023 10:00 PM"]),
                "2023-12-22T22:00:46-05:00",
            ),
            (
                "2023-12-24T01:06:51Z",
                s(&["Dec 23, 2023 5:06pm PT"]),
                "2023-12-23T17:06:51-08:00",
            ),
            // A written date without a time says nothing of the offset.
            (
                "2023-12-23T03:00:46Z",
                s(&["December 22, 2023"]),
                "2023-12-23T03:00:46Z",
            ),
            // A written time with an exact zone is another instant when it disagrees.
            (
                "2023-12-23T03:00:46Z",
                s(&["December 22, 2023 10:00 PM GMT"]),
                "2023-12-23T03:00:46Z",
            ),
        ];
        for (chosen, others, want) in cases {
            assert_eq!(
                at_local_offset(chosen, &others),
                want,
                "{chosen} {others:?}"
            );
        }
    }

    #[test]
    fn dateline_table() {
        let cases = [
            ("Published: 3 January 2025", Some("2025-01-03T00:00:00Z")),
            ("Mon 7 Jun 2024 08.15 GMT", Some("2024-06-07T08:15:00Z")),
            (
                "Tuesday, 5 March 2024, 14:05 BST",
                Some("2024-03-05T14:05:00+01:00"),
            ),
            (
                "March 5, 2024 at 10:30 am EST",
                Some("2024-03-05T10:30:00-05:00"),
            ),
            ("Updated on Sept. 9, 2021", Some("2021-09-09T00:00:00Z")),
            ("2024-03-05", Some("2024-03-05T00:00:00Z")),
            ("Posted 2024/03/05 09:00", Some("2024-03-05T09:00:00Z")),
            ("28.04.2023", Some("2023-04-28T00:00:00Z")),
            ("29.04.2023, 11:14 Uhr", Some("2023-04-29T11:14:00Z")),
            ("5.3.2024", Some("2024-03-05T00:00:00Z")),
            ("31.02.2024", None),
            ("31 February 2024", None),
            ("The 5 March 2024 vote was close.", None),
            ("In March 2024 prices rose", None),
            ("2024", None),
        ];
        for (line, want) in cases {
            assert_eq!(parse_dateline(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn metadata_dates_table() {
        let cases = [
            ("2024-03-05T08:30:00+01:00", "2024-03-05T08:30:00+01:00"),
            ("2024-03-05T08:30:00.123Z", "2024-03-05T08:30:00Z"),
            ("2024-03-05 08:30:00", "2024-03-05T08:30:00Z"),
            ("Tue, 05 Mar 2024 08:30:00 GMT", "2024-03-05T08:30:00Z"),
            ("2024-03-05T08:30:00+0100", "2024-03-05T08:30:00+01:00"),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn evening_dates_west_of_utc_keep_their_day() {
        // Converted to UTC this was 2023-12-23: the page says it was published on the 22nd.
        let d = parse_date("2023-12-22T22:22:07-05:00").unwrap();
        assert_eq!(&d[..10], "2023-12-22");
        let instant = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp();
        assert_eq!(instant(&d), instant("2023-12-23T03:22:07Z"));
    }
}
