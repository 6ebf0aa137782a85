//! Part of stage 4 (extract): the article's language as an ISO 639-1 code.
//!
//! A language the source declares (`<html lang="en-GB">`, a JSON `lang` key) wins, reduced
//! to its primary subtag; otherwise whatlang detects it from the title and the start of
//! the body, and only a detection whatlang calls reliable is kept (short texts often are
//! not: better no `lang` than a wrong one).

/// How much of the body detection reads: a few sentences are enough for a reliable
/// guess, and detection was a tenth of indexing time with 2,000 bytes.
const SAMPLE_BYTES: usize = 600;

/// The article's language: the declared one normalised, else a reliable detection.
pub fn language(declared: Option<&str>, title: &str, body: &str) -> Option<String> {
    if let Some(code) = declared.and_then(normalise) {
        return Some(code);
    }
    let mut end = body.len().min(SAMPLE_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let sample = format!("{title}\n{}", &body[..end]);
    let info = whatlang::detect(&sample)?;
    info.is_reliable()
        .then(|| iso639_1(info.lang().code()).to_string())
}

/// `en-GB`, `EN_us`, `eng` -> `en`; None for what is not a language tag.
fn normalise(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.len() {
        2 if primary.bytes().all(|b| b.is_ascii_lowercase()) => Some(primary),
        3 if primary.bytes().all(|b| b.is_ascii_lowercase()) => {
            Some(iso639_1(&primary).to_string())
        }
        _ => None,
    }
}

/// ISO 639-3 (whatlang's codes) to ISO 639-1; a code without a two-letter form stays.
fn iso639_1(code: &str) -> &str {
    match code {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" | "zho" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" | "nor" => "nb",
        "ori" => "or",
        "pan" => "pa",
        "pes" | "fas" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_tags_are_normalised() {
        let cases = [
            ("en-GB", Some("en")),
            ("EN_us", Some("en")),
            ("rus", Some("ru")),
            ("uk", Some("uk")),
            ("", None),
            ("english", None),
        ];
        for (tag, want) in cases {
            assert_eq!(normalise(tag).as_deref(), want, "{tag}");
        }
    }

    #[test]
    fn detection_table() {
        let cases = [
            (
                "Troops advance",
                "Ukrainian forces said on Tuesday that they had pushed further into the Kursk region, taking control of the town and its surroundings after days of fighting.",
                Some("en"),
            ),
            (
                "Бои под Суджей",
                "Российские войска заявили во вторник, что продолжают отражать атаки в Курской области, где бои идут уже несколько дней подряд.",
                Some("ru"),
            ),
            ("", "ok", None),
        ];
        for (title, body, want) in cases {
            assert_eq!(language(None, title, body).as_deref(), want, "{title}");
        }
        assert_eq!(
            language(Some("de-AT"), "Troops", "Ukrainian forces said").as_deref(),
            Some("de")
        );
    }
}
