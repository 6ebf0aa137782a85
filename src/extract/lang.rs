//! Part of stage 4 (extract): the article's language as an ISO 639-1 code.
//!
//! A language the source declares (`<html lang="en-GB">`, a JSON `lang` key) wins, reduced
//! to its primary subtag; otherwise whatlang detects it from the title and the start of
//! the body, and only a detection whatlang calls reliable is kept (short texts often are
//! not: better no `lang` than a wrong one). English, most of the news newsidx sees, is
//! recognised first by its function words, at a fraction of whatlang's cost.

/// How much of the body detection reads: a few sentences are enough for a reliable
/// guess, and detection was a tenth of indexing time with 2,000 bytes.
const SAMPLE_BYTES: usize = 600;

/// The article's language: the declared one normalised, else a reliable detection.
pub fn language(declared: Option<&str>, title: &str, body: &str) -> Option<String> {
    if let Some(code) = declared.and_then(normalise) {
        return Some(code);
    }
    let sample = sample(title, body);
    if clearly_english(&sample) {
        return Some("en".to_string());
    }
    by_trigrams(&sample)
}

/// What detection reads: the title and the first [`SAMPLE_BYTES`] of the body.
pub fn sample(title: &str, body: &str) -> String {
    let mut end = body.len().min(SAMPLE_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    format!("{title}\n{}", &body[..end])
}

/// whatlang's guess, when it calls it reliable.
pub fn by_trigrams(sample: &str) -> Option<String> {
    let info = whatlang::detect(sample)?;
    info.is_reliable()
        .then(|| iso639_1(info.lang().code()).to_string())
}

/// English function words. `the` is the gate (no other language writes it three times in
/// a few sentences without quoting English); the others measure how much of the text is
/// English grammar, so some are words of other languages too (`will`, `an`, `had`, `we`).
/// Left out: `a`, `in`, `is`, `on`, `as`, `was`, `at`, `also`, `over`, `die`, too common
/// in Romance or Germanic languages.
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "to", "that", "for", "with", "from", "his", "her", "said", "have", "has",
    "were", "this", "which", "they", "their", "been", "would", "there", "about", "after", "when",
    "who", "what", "it", "by", "are", "be", "not", "he", "she", "but", "more", "than", "its",
    "into", "can", "could", "some", "other", "you", "them", "our", "out", "up", "one", "new",
    "will", "had", "an", "we",
];

/// True for a sample whatlang would call English in any case, decided from function
/// words: at least 30 words, `the` three times or more, and these words a fifth of all.
/// Nine English news samples in ten pass; a French report quoting an English sentence
/// does not (tests/lang_fast_path.rs checks the rule against whatlang on ../shared).
/// whatlang compares a Latin-script text with some forty trigram profiles, which was a
/// third of text extraction time; this is one scan of the words.
pub fn clearly_english(sample: &str) -> bool {
    let (mut words, mut hits, mut the) = (0usize, 0usize, 0usize);
    for w in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if w.len() <= 5 {
            if w.eq_ignore_ascii_case("the") {
                the += 1;
                hits += 1;
            } else if ENGLISH_WORDS.iter().any(|e| w.eq_ignore_ascii_case(e)) {
                hits += 1;
            }
        }
    }
    words >= 30 && the >= 3 && hits * 5 >= words
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

    #[test]
    fn english_fast_path_table() {
        let cases = [
            ("Ukrainian forces said on Tuesday that they had pushed further into the Kursk region, taking control of the town and its surroundings after days of fighting, and that the army would hold it. The governor said the situation was difficult.", true),
            // Too short to decide: left to whatlang.
            ("The troops said that the town of Sudzha was taken by the army.", false),
            ("Die ukrainischen Truppen sind nach Angaben des Generalstabs weiter in die Region Kursk vorgedrungen. Der Gouverneur sprach von einer schwierigen Lage in der Stadt und in den umliegenden Dörfern, die seit Tagen umkämpft sind.", false),
            ("Les forces ukrainiennes ont affirmé mardi avoir progressé dans la région de Koursk, prenant le contrôle de la ville et de ses environs après plusieurs jours de combats. Le gouverneur a parlé d'une situation difficile.", false),
            ("De Oekraïense troepen zijn volgens de generale staf verder de regio Koersk in getrokken. De gouverneur sprak van een moeilijke situatie in de stad en de omliggende dorpen, waar al dagen wordt gevochten, en het is nog niet voorbij.", false),
            // A French report quoting one English sentence stays French.
            ("Le président a déclaré devant la presse: « The war is not over and the people of the country know it », avant de quitter la salle. Les journalistes ont ensuite interrogé le ministre sur la situation dans la région et sur les négociations.", false),
        ];
        for (text, want) in cases {
            assert_eq!(clearly_english(text), want, "{text}");
        }
    }
}
