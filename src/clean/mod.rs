//! Stage 3: remove the residue scrapers leave in article text, line by line.
//!
//! A line is page furniture when its *shape* says so — image-only or link-only lines,
//! a short line without sentence punctuation that opens with a call to action aimed at
//! the reader ("sign up", "follow us", "share this"), ad and promotion labels, list headings
//! ("most viewed"), prefixed link lines ("Read more: ..."), photo credits, copyright lines,
//! cookie notices; and, read by the vocabulary of a page's interface ([`interface`]),
//! short lines made only of its words ("Next article", "Image 1 of 12"), sentences a site
//! writes to its reader, labels over links to other stories and sponsors' labels. Short
//! lines that merely repeat stay: product boxes and tables repeat real content. What the
//! corpus knows comes on top: a line the rules keep goes when it is furniture of the
//! article's source ([`crate::furniture`]), a short line recurring in many of its
//! articles. Byline and dateline lines leave the body and come back as `authors` and
//! `date` (a name alone beside the dateline in the header is the byline). Every other
//! line is kept.

use std::sync::LazyLock;

use regex::Regex;

use crate::formats::Markup;
use crate::furniture::Furniture;
use crate::text::dates;

mod credits;
mod interface;
pub use credits::{byline, sign_off};
use credits::{byline_by_parts, only_agencies, people_by_slash, wire_credit};

/// Why a line left the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Image,
    Links,
    Byline,
    Dateline,
    Copyright,
    Credit,
    ReadMore,
    Promo,
    ListHeading,
    Social,
    Cookie,
    /// A short line made only of the words of a page's interface (`Next article`), or a
    /// sponsor's label (`Presented by Acme`).
    Interface,
    /// A line the corpus repeats across articles of the source ([`crate::furniture`]).
    Furniture,
}

/// The result of cleaning one article's text.
#[derive(Debug, Default, Clone)]
pub struct Cleaned {
    /// Kept lines, inline Markdown reduced to text, in order. Never contains empty strings.
    pub paragraphs: Vec<String>,
    /// Whether each kept line stood alone (was followed by a blank line or the end);
    /// used to tell a headline from a first paragraph.
    pub blank_after: Vec<bool>,
    /// Author names from byline lines, in order of appearance, without duplicates.
    pub authors: Vec<String>,
    /// The first dateline, as RFC 3339.
    pub date: Option<String>,
    /// Agencies named by credit and copyright lines (`© Reuters`, `By AP`), in order.
    pub agencies: Vec<String>,
    /// Removed lines and why; for `extract --explain` and the tests.
    pub removed: Vec<(String, Reason)>,
    /// Keys of the short lines the rules keep ([`crate::furniture::line_key`]), furniture
    /// or not, in order: what the article tells the furniture table.
    pub keys: Vec<u64>,
    /// xxh3 of the first kept line too long to be furniture: what copies share.
    pub first_long: Option<u64>,
}

/// Cleans article text: see the module header for the rules. `furniture` is that of the
/// article's source; with none, the rules alone decide.
pub fn clean(text: &str, markup: Markup, furniture: &Furniture) -> Cleaned {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut classes: Vec<Option<Class>> = lines
        .iter()
        .map(|l| (!l.is_empty()).then(|| classify(l)))
        .collect();
    credits::byline_beside_dateline(&lines, &mut classes);
    let mut out = Cleaned::default();
    for (line, class) in lines.iter().zip(classes) {
        let Some(class) = class else {
            if let Some(last) = out.blank_after.last_mut() {
                *last = true;
            }
            continue;
        };
        match class {
            Class::Keep => {
                match crate::furniture::line_key(line) {
                    Some(k) => {
                        out.keys.push(k);
                        if furniture.contains_key(k) {
                            out.removed.push((line.to_string(), Reason::Furniture));
                            continue;
                        }
                    }
                    None if out.first_long.is_none() && crate::furniture::is_long(line) => {
                        out.first_long = Some(xxhash_rust::xxh3::xxh3_64(line.as_bytes()));
                    }
                    None => {}
                }
                let text = inline_text(line, markup);
                if text.is_empty() {
                    out.removed.push((line.to_string(), Reason::Links));
                    continue;
                }
                out.paragraphs.push(text);
                out.blank_after.push(false);
            }
            Class::Byline(names) => {
                for n in names {
                    if !out.authors.contains(&n) {
                        out.authors.push(n);
                    }
                }
                out.removed.push((line.to_string(), Reason::Byline));
            }
            Class::Date(d) => {
                out.date.get_or_insert(d);
                out.removed.push((line.to_string(), Reason::Dateline));
            }
            Class::Credits { authors, agencies } => {
                for n in authors {
                    if !out.authors.contains(&n) {
                        out.authors.push(n);
                    }
                }
                for a in agencies {
                    if !out.agencies.contains(&a) {
                        out.agencies.push(a);
                    }
                }
                out.removed.push((line.to_string(), Reason::Credit));
            }
            Class::Residue(r) => out.removed.push((line.to_string(), r)),
        }
    }
    if let Some(last) = out.blank_after.last_mut() {
        *last = true;
    }
    out
}

/// What one line is.
#[derive(Debug, Clone, PartialEq)]
pub enum Class {
    Keep,
    Byline(Vec<String>),
    /// A dateline, parsed to RFC 3339.
    Date(String),
    /// A credit line: a wire credit (`(Reporting by A; Editing by B)`: A is an author),
    /// or a line naming agencies only (`By AP`, `© Reuters`, `dpa/AFP`).
    Credits {
        authors: Vec<String>,
        agencies: Vec<String>,
    },
    Residue(Reason),
}

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> =
            LazyLock::new(|| Regex::new($pat).expect("static regex is valid"));
    };
}

re!(
    IMAGE,
    r"!\[[^\]]*\]\([^)]*\)|\bhttps?://\S+\.(?i:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?"
);
re!(LINK, r"\[([^\]]*)\]\([^)]*\)");
re!(BARE_URL, r"^(?:<)?https?://\S+(?:>)?$");
re!(
    COPYRIGHT,
    r"^(?i:©|\(c\)|copyright\b)|(?i:all rights reserved)|©\s*(?:19|20)\d\d\b"
);
re!(
    CREDIT,
    r"^(?i:photo(?:graph)?s?|image|picture|pictures|pictured|illustration|credit|(?:photo|image|picture)\s+(?:credit|source)s?|video|graphic)\s*(?::|by\b)"
);
re!(
    AGENCY_CREDIT,
    r"^[\p{L} .'’\-]{2,40}/(?:[\p{Lu}][\p{L}]*\s?){1,3}$"
);
re!(
    READ_MORE,
    r"^(?i:read more|read next|read also|also read|related|related stories|related articles|related content|related coverage|see also|more on this|more from \S+|further reading|recommended|editor'?s picks?|watch|listen|more)\s*[:›»|>–—-]\s*\S"
);
// A call to read on or a label over other stories, in any wording of the grammar: a
// reading or navigation verb with where to go (`Keep reading below`, `Scroll down to
// continue reading`, `Story continues below advertisement`, `Show comments`), or the
// label of a list of stories or topics (`You may also like`, `Related topics`). Only
// short lines without a sentence's end ([`classify`]).
re!(
    READ_ON,
    r"^(?i:(?:keep|continue|continues|start)\s+reading|scroll\s+(?:down|up|to)|(?:story|article|text)\s+continues|continue\s+(?:to\s+)?(?:the\s+)?(?:article|story)|read\s+(?:next|on|the\s+full|the\s+rest|the\s+whole)|what\s+to\s+read\s+next|show\s+(?:comments|more|all|less)|(?:load|see|view)\s+(?:more|all|comments|gallery|photos)|loading|report\s+an?\s+(?:error|typo|mistake|correction)|(?:sign|log)\s+in\s+to\s+(?:continue|read|comment)|more\s+on\s+this\s+(?:story|topic|subject)|more\s+(?:from|about|in|stories|news|videos)\b|you\s+(?:may|might|could)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)|in\s+case\s+you\s+missed|editor'?s?\s+(?:picks?|choice)|related\s+(?:topics|articles|stories|content|coverage|links|videos|reading|news|posts)|(?:photo|picture|image|video)\s+(?:gallery|galleries)|(?:topics|tags|trending(?:\s+now)?)$)\b"
);
// What the page says to its reader, whole lines only (a story's sentence never is one
// of these): when it was updated (`Updated 2 hours ago`), how long it reads, how many
// comments it has, thanks and prompts around sign-up and comments, the player's and the
// gallery's controls, labels over lists of other stories or partners' links, and the
// site's legal links. Each a class of wordings, not the wordings of one site.
re!(
    PAGE_CHROME,
    r"^(?i:(?:updated|published|posted|last\s+updated|first\s+published|modified)\s*:?\s*(?:on\s+|at\s+)?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|reading\s+time\s*:?\s*\d+\s*(?:min|mins|minutes?)|(?:comments?|replies|shares)\s*\(\d+\)|\d+\s+(?:comments?|replies|shares)|(?:view|show|read|see)\s+(?:all\s+)?\d+\s+(?:comments?|replies)|thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing|registering|reading|your\s+(?:feedback|support))|link\s+copied|copy\s+(?:the\s+)?link|(?:click|tap)\s+(?:here\s+)?to\s+(?:expand|enlarge|unmute|mute|play|zoom|view|see|read|watch|listen|continue|close|open)|leave\s+a\s+(?:comment|reply)|become\s+a\s+(?:member|subscriber|supporter|patron)|enter\s+your\s+(?:email|e-mail)(?:\s+address)?|already\s+(?:a\s+)?(?:subscriber|member|registered)(?:\s*\?\s*(?:log|sign)\s+in)?|(?:audio\s+(?:version\s+of\s+)?|hear\s+)(?:this|the)\s+(?:article|story)|recommended\s+for\s+you|popular\s+(?:on|at|in)\s+\S+(?:\s+\S+)?|what\s+(?:we'?re|we’re|we\s+are)\s+(?:reading|watching|listening\s+to)|in\s+other\s+news|around\s+the\s+web|from\s+(?:our|the)\s+partners?|related\s+(?:video|videos|audio|podcasts?|galleries)|top\s+picks|watch\s+more|more\s+videos|(?:promoted|sponsored|partner|paid)\s+(?:stories|content|links|posts?|partnership)|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|privacy\s+(?:policy|notice|settings)|cookie\s+(?:settings|policy|preferences|notice)|accept\s+(?:all\s+)?cookies|reuse\s+this\s+content|republish\s+(?:this|our)\s+(?:article|story|content)|contact\s+the\s+(?:author|reporter|writer|newsroom)|(?:back|go|return|skip|jump)\s+to\s+(?:the\s+)?(?:top|home\s*page|home|navigation|nav|menu|main\s+(?:content|menu)|content|footer|search)|(?:manage|update|change|review|edit)\s+(?:your\s+)?(?:cookie|cookies|privacy|consent|ad)\s+(?:settings|preferences|choices|options)|(?:keep|stay)\s+(?:up\s+to\s+date|informed|in\s+the\s+know|connected)|corrections\s+and\s+clarifications|editorial\s+(?:standards|guidelines|policy|values)|(?:report|flag)\s+(?:this\s+)?(?:comment|post|reply)|(?:report|flag)\s+as\s+(?:inappropriate|offensive|abusive|spam))[\s.!:…]*$"
);
// A picture's credit given as the picture service alone or after the photographer or a
// caption label (`Getty Images`, `AFP via Getty Images`, `Image source, Getty Images`), or
// as a wire's photo credit before the photographer (`AP Photo/Evan Vucci`).
re!(
    PICTURE_CREDIT,
    r"^(?i:(?:image|picture|photo)\s+(?:source|caption|credit)\s*,\s*\S.*|(?:[\p{L}.'’\- ]{1,40}(?:\s+via\s+|\s*/\s*))?(?:getty\s+images|shutterstock|alamy(?:\s+stock\s+photo)?|istock(?:photo)?|epa-efe|pa\s+images|pa\s+wire|ap\s+photo|imago\s+images|picture[\s-]alliance)|(?:ap|afp|reuters|epa|pa|upi)\s+(?:photo|images?)\s*/\s*\S[^/]*)$"
);
// The tabs over a list of other stories: one word, maybe with when (`Latest`, `Popular
// now`, `Trending today`). (`Analysis` or `Background` may head the story's own part.)
re!(
    STORY_TABS,
    r"^(?i:(?:popular|latest|trending|newest|most\s+recent|top\s+rated)(?:\s+(?:now|today|this\s+week|right\s+now))?)$"
);
re!(
    READ_TIME,
    r"^(?i:\d+[\s-]*(?:min|mins|minute|minutes)[\s-]+read)$"
);
re!(
    SECTION_HEADING,
    r"^(?i:(?:most|top|more|related|recommended|trending|popular|latest)\s+(?:viewed|read|popular|shared|watched|commented|emailed|stories|news|articles|videos|picks|headlines|content|reads|reading)(?:\s+\S+){0,2})$"
);

/// Verbs that open a call to action aimed at the reader.
const CTA_VERBS: &[&str] = &[
    "sign",
    "subscribe",
    "follow",
    "share",
    "click",
    "tap",
    "download",
    "get",
    "join",
    "register",
    "listen",
    "watch",
    "read",
    "skip",
    "like",
    "comment",
    "email",
    "print",
    "save",
    "support",
    "donate",
    "see",
    "view",
    "continue",
    "install",
    "log",
    "login",
    "upgrade",
    "try",
    "tweet",
    "send",
    "visit",
    "discover",
    "explore",
    "check",
    "jump",
    "return",
    "back",
    "open",
    "enable",
    "allow",
    "accept",
    "manage",
    "learn",
    "start",
    "unlock",
    "claim",
    "become",
    "don't",
    "never",
];
/// Verbs of a page's buttons that also open headlines (`Post Office scandal`, `Report
/// finds ...`, `Create jobs now`): a call only in a line of four words at most, with
/// what buttons act on ([`UI_OBJECTS`]).
const UI_VERBS: &[&str] = &["post", "pin", "bookmark", "add", "create", "report", "flag"];
/// What such buttons act on: a network, a comment, the reader's account or list.
const UI_OBJECTS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "instagram",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "threads",
    "bluesky",
    "tiktok",
    "telegram",
    "comment",
    "comments",
    "conversation",
    "discussion",
    "account",
    "later",
    "feedback",
    "bookmarks",
];
/// Objects of such calls: the reader, the site, its channels and products.
const PROMO_OBJECTS: &[&str] = &[
    "newsletter",
    "newsletters",
    "email",
    "emails",
    "inbox",
    "subscribe",
    "subscription",
    "subscribers",
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "whatsapp",
    "youtube",
    "tiktok",
    "telegram",
    "pinterest",
    "reddit",
    "threads",
    "bluesky",
    "social",
    "app",
    "apps",
    "podcast",
    "article",
    "articles",
    "story",
    "stories",
    "page",
    "content",
    "us",
    "our",
    "here",
    "now",
    "comments",
    "alerts",
    "notifications",
    "updates",
    "free",
    "account",
    "premium",
    "offer",
    "trial",
    "journalism",
    "briefing",
    "feed",
    "rss",
    "top",
    "video",
    "audio",
    "conversation",
    "discussion",
    "comment",
    "later",
    "feedback",
    "bookmarks",
];
/// Words that alone make a short unpunctuated line an ad or promotion label.
const PROMO_LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "advert",
    "adverts",
    "ad",
    "ads",
    "sponsored",
    "promotion",
    "promoted",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "advertising",
    "partner",
    "paid",
];
/// Words of a share or follow bar.
const SOCIAL_WORDS: &[&str] = &[
    "share",
    "tweet",
    "email",
    "print",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "copy",
    "link",
    "save",
    "comments",
    "comment",
    "messenger",
    "telegram",
    "flipboard",
    "on",
    "this",
    "via",
    "|",
    "·",
    "•",
];

/// Classifies one trimmed, non-empty line.
pub fn classify(line: &str) -> Class {
    if is_image_only(line) {
        return Class::Residue(Reason::Image);
    }
    if BARE_URL.is_match(line) || is_link_only(line) {
        return Class::Residue(Reason::Links);
    }
    if let Some(credits) = wire_credit(line) {
        return credits;
    }
    if let Some((authors, agencies)) = byline_by_parts(line) {
        return if agencies.is_empty() {
            Class::Byline(authors)
        } else {
            Class::Credits { authors, agencies }
        };
    }
    if let Some(names) = byline(line) {
        return Class::Byline(names);
    }
    // (Compared with limits of 25 words at most below.)
    let words = words_up_to(line, 25);
    if words <= 6 {
        match only_agencies(line) {
            // `By AP`, `Source: dpa`: the story's credit.
            Some(true) => {
                return Class::Credits {
                    authors: Vec::new(),
                    agencies: crate::text::agencies::credited(std::iter::once(line)),
                }
            }
            // A bare `AP` or `Reuters/AFP` line is mostly a photo's credit: residue only.
            Some(false) => return Class::Residue(Reason::Credit),
            None => {}
        }
    }
    if words <= 12 {
        if let Some(d) = dates::parse_dateline(line) {
            return Class::Date(d);
        }
    }
    if words <= 25 && COPYRIGHT.is_match(line) {
        let agencies = crate::text::agencies::credited(
            line.split(|c: char| c.is_whitespace() || c == '©')
                .filter(|w| !w.is_empty()),
        );
        if !agencies.is_empty() {
            return Class::Credits {
                authors: Vec::new(),
                agencies,
            };
        }
        return Class::Residue(Reason::Copyright);
    }
    // (A credit may stand in brackets: `(Photo by Ann Lee/Getty Images)`, `(AP Photo/Evan
    // Vucci)`.)
    let unbracketed = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .filter(|l| !l.contains(['(', ')']))
        .unwrap_or(line);
    if words <= 14 && CREDIT.is_match(unbracketed) {
        return Class::Residue(Reason::Credit);
    }
    if READ_MORE.is_match(line) || interface::is_label_over_link(line) {
        return Class::Residue(Reason::ReadMore);
    }
    if words <= 10 {
        if PAGE_CHROME.is_match(line) {
            return Class::Residue(Reason::ReadMore);
        }
        if PICTURE_CREDIT.is_match(unbracketed) {
            return Class::Residue(Reason::Credit);
        }
    }
    if words <= 25 && is_cookie_notice(line) {
        return Class::Residue(Reason::Cookie);
    }
    // (`Loading...` ends with dots, not with a sentence. A label with a colon, `Tags:`,
    // may as well head the story's own list: it stays.)
    if words <= 8
        && (!ends_sentence(line) || line.ends_with("...") || line.ends_with('…'))
        && READ_ON.is_match(line)
    {
        return Class::Residue(Reason::ReadMore);
    }
    // (A line of a page's interface words only, `Comments are closed.`, is chrome, and
    // the rules below name the classes they know first.)
    let interface = words <= 8 && interface::is_interface_only(line);
    if ends_sentence(line) || words > 10 {
        return if interface {
            Class::Residue(Reason::Interface)
        } else if words <= 25 && interface::is_reader_notice(line) {
            Class::Residue(Reason::Promo)
        } else {
            Class::Keep
        };
    }
    let lower: Vec<String> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '!' | '→' | '›' | '»'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if AGENCY_CREDIT.is_match(line) && words <= 6 {
        return match people_by_slash(line) {
            Some(names) => Class::Byline(names),
            None => Class::Residue(Reason::Credit),
        };
    }
    if READ_TIME.is_match(line) || SECTION_HEADING.is_match(line) || STORY_TABS.is_match(line) {
        return Class::Residue(Reason::ListHeading);
    }
    if interface::is_clock_only(line) {
        return Class::Residue(Reason::Interface);
    }
    if lower.is_empty() {
        return Class::Keep;
    }
    if lower.iter().all(|w| SOCIAL_WORDS.contains(&w.as_str())) {
        return Class::Residue(Reason::Social);
    }
    let first = lower.first().map(String::as_str).unwrap_or("");
    if CTA_VERBS.contains(&first)
        && lower[1..]
            .iter()
            .any(|w| PROMO_OBJECTS.contains(&w.as_str()))
    {
        return Class::Residue(Reason::Promo);
    }
    // (`Bookmark this story`, `Pin this article`: a page's, when it is the object.)
    let saved = matches!(first, "bookmark" | "pin")
        && lower[1..]
            .iter()
            .any(|w| matches!(w.as_str(), "story" | "article" | "page"));
    if UI_VERBS.contains(&first)
        && lower.len() <= 4
        && (saved || lower[1..].iter().any(|w| UI_OBJECTS.contains(&w.as_str())))
    {
        return Class::Residue(Reason::Promo);
    }
    if words <= 6 && lower.iter().any(|w| PROMO_LABELS.contains(&w.as_str())) {
        return Class::Residue(Reason::Promo);
    }
    if interface || interface::is_sponsor_label(line) {
        return Class::Residue(Reason::Interface);
    }
    if interface::is_reader_notice(line) {
        return Class::Residue(Reason::Promo);
    }
    Class::Keep
}

fn is_image_only(line: &str) -> bool {
    IMAGE.is_match(line) && is_blank_rest(&IMAGE.replace_all(line, ""))
}

fn is_link_only(line: &str) -> bool {
    if !LINK.is_match(line) {
        return false;
    }
    let rest = LINK.replace_all(line, "");
    let link_words: usize = LINK.captures_iter(line).map(|c| word_count(&c[1])).sum();
    is_blank_rest(&rest) && link_words <= 15
}

fn is_blank_rest(s: &str) -> bool {
    s.chars().all(|c| !c.is_alphanumeric())
}

fn is_cookie_notice(line: &str) -> bool {
    let l = line.to_lowercase();
    l.contains("cookie")
        && (l.contains("we use")
            || l.contains("accept")
            || l.contains("consent")
            || l.contains("this site uses")
            || l.contains("this website uses"))
}

/// Number of whitespace-separated words.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// [`word_count`], but it stops counting past `limit`: the number, or `limit + 1` for any
/// more. Every line of every article is compared with word limits of 25 or fewer, and
/// counting all the words of long paragraphs was a tenth of cleaning.
pub(super) fn words_up_to(s: &str, limit: usize) -> usize {
    s.split_whitespace().take(limit + 1).count()
}

/// True when the line ends the way a sentence does (closing quotes and brackets aside).
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*', '_']);
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Reduces inline Markdown of a kept line to text: images go, links keep their text,
/// emphasis markers go; in Markdown, heading, quote and list markers go too.
fn inline_text(line: &str, markup: Markup) -> String {
    let mut s = IMAGE.replace_all(line, "").into_owned();
    if s.contains("](") {
        s = LINK.replace_all(&s, "$1").into_owned();
    }
    if markup == Markup::Markdown {
        s = s.replace("**", "").replace("__", "");
        let t = s.trim_start_matches('#').trim_start();
        let t = t.strip_prefix("> ").unwrap_or(t);
        let t = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("* "))
            .or_else(|| t.strip_prefix("+ "))
            .unwrap_or(t);
        s = t.to_string();
    }
    crate::text::squash(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_up_to_table() {
        for (text, limit, want) in [
            ("", 3, 0),
            ("one", 0, 1),
            ("a b", 5, 2),
            ("a  b\tc d", 2, 3),
            ("a b c d e", 2, 3),
            (" a b c ", 3, 3),
        ] {
            assert_eq!(words_up_to(text, limit), want, "{text:?} {limit}");
            assert_eq!(words_up_to(text, limit), word_count(text).min(limit + 1));
        }
    }

    #[test]
    fn classify_table() {
        use Class::{Byline, Date, Keep, Residue};
        use Reason::{
            Cookie, Copyright, Credit, Image, Interface, Links, ListHeading, Promo, ReadMore,
            Social,
        };
        let cases: &[(&str, Class)] = &[
            // Calls to read on and labels over other stories, in wordings of the grammar.
            ("Keep reading below", Residue(ReadMore)),
            ("Scroll down to continue reading", Residue(ReadMore)),
            ("You may also like", Residue(ReadMore)),
            ("More from Politics", Residue(ReadMore)),
            ("Editor's picks", Residue(ReadMore)),
            ("In case you missed it", Residue(ReadMore)),
            ("Read next", Residue(ReadMore)),
            ("Show comments", Residue(ReadMore)),
            ("Loading...", Residue(ReadMore)),
            ("Report an error", Residue(ReadMore)),
            ("Related Topics", Residue(ReadMore)),
            ("Tags:", Keep),
            ("Photo gallery", Residue(ReadMore)),
            ("More on this story", Residue(ReadMore)),
            // Sentences and subheadings that start the same way stay, and so do a label
            // over the story's own list and a note of first publication, which the
            // scraped-text gold counts as the article's.
            ("Don't Miss", Keep),
            ("Originally published on Live Science.", Keep),
            ("More from the minister came later.", Keep),
            ("Keep reading, the judge told the jury.", Keep),
            ("Topics of the summit", Keep),
            ("after newsletter promotion", Residue(Promo)),
            ("Sign up to our morning newsletter", Residue(Promo)),
            ("Follow us on Instagram", Residue(Promo)),
            ("Share on WhatsApp", Residue(Social)),
            ("Click here to subscribe", Residue(Promo)),
            ("Skip to main content", Residue(ReadMore)),
            ("Listen to this story", Residue(Promo)),
            ("ADVERTISEMENT", Residue(Promo)),
            ("Sponsored", Residue(Promo)),
            ("Most read", Residue(ListHeading)),
            ("Next article", Residue(Interface)),
            ("Comments are closed.", Residue(Interface)),
            ("Image 3 of 12", Residue(Interface)),
            ("Next steps", Keep),
            ("5 min read", Residue(ListHeading)),
            ("Share | Tweet | Email", Residue(Social)),
            ("![](https://example.org/logo.webp)", Residue(Image)),
            ("![Logo](a.png) ![Badge](b.png)", Residue(Image)),
            ("[Home](/) | [World](/world)", Residue(Links)),
            ("https://example.org/story/123", Residue(Links)),
            ("© 2024 Example Media Ltd", Residue(Copyright)),
            (
                "The contents of this site are ©2019 Capitol Hill Publishing Corp.",
                Residue(Copyright),
            ),
            (
                "Copyright 2019 The Courier. All rights reserved.",
                Residue(Copyright),
            ),
            ("Photo: Jane Doe/AFP via Getty Images", Residue(Credit)),
            ("Photograph: Sam Ray/Reuters", Residue(Credit)),
            // In brackets, after `Image credit`, or as a wire's photo credit.
            ("(Photo by Jane Doe/Getty Images)", Residue(Credit)),
            ("Image credit: AFP via Getty Images", Residue(Credit)),
            ("(AP Photo/Evan Vucci)", Residue(Credit)),
            ("AFP Photo / Sam Ray", Residue(Credit)),
            // The page's own chrome, whole lines of a class of wordings.
            ("Updated 2 hours ago", Residue(ReadMore)),
            ("Posted: 45 minutes ago", Residue(ReadMore)),
            ("Comments (12)", Residue(ReadMore)),
            ("12 comments", Residue(ReadMore)),
            ("Tap to unmute", Residue(ReadMore)),
            ("Thanks for signing up!", Residue(ReadMore)),
            ("Recommended for you", Residue(ReadMore)),
            ("Terms of use", Residue(ReadMore)),
            ("Accept all cookies", Residue(ReadMore)),
            ("Getty Images", Residue(Credit)),
            ("AFP via Getty Images", Residue(Credit)),
            ("Image source, Getty Images", Residue(Credit)),
            ("Alamy Stock Photo", Residue(Credit)),
            // ... and not a story's heading or sentence using the same words.
            ("Contact tracing", Keep),
            ("Terms of the deal", Keep),
            ("Updated figures show a rise in cases.", Keep),
            ("Twelve comments were made at the hearing.", Keep),
            ("Popular uprising", Keep),
            ("Jane Doe/Getty Images", Residue(Credit)),
            ("Sam Ray/Anna Lee Photos", Residue(Credit)),
            (
                "Mathatisi Sebusi/Mohalenyane Phakela",
                Byline(vec![
                    "Mathatisi Sebusi".into(),
                    "Mohalenyane Phakela".into(),
                ]),
            ),
            (
                "Read more: Floods hit the north as rivers rise",
                Residue(ReadMore),
            ),
            ("Related: Markets fall on rate fears", Residue(ReadMore)),
            (
                "We use cookies to improve your experience. Accept all",
                Residue(Cookie),
            ),
            (
                "Article by:Source: Pjotr Sauer",
                Byline(vec!["Pjotr Sauer".into()]),
            ),
            (
                "By Ann Lee and Bo Kim",
                Byline(vec!["Ann Lee".into(), "Bo Kim".into()]),
            ),
            (
                "Written by Maria van der Berg",
                Byline(vec!["Maria van der Berg".into()]),
            ),
            // The agency beside the people is credited too.
            (
                "By JOHN SMITH, Reuters",
                Class::Credits {
                    authors: vec!["JOHN SMITH".into()],
                    agencies: vec!["Reuters".into()],
                },
            ),
            (
                "Ann Lee, political correspondent",
                Byline(vec!["Ann Lee".into()]),
            ),
            ("Ann Lee | Senior Editor", Byline(vec!["Ann Lee".into()])),
            ("Ann Lee - Senior Editor", Byline(vec!["Ann Lee".into()])),
            // A hyphen inside a word does not part a name from a role.
            ("Featured Co-Editor", Keep),
            (
                "Published: 3 January 2025",
                Date("2025-01-03T00:00:00Z".into()),
            ),
            (
                "Mon 7 Jun 2024 08.15 GMT",
                Date("2024-06-07T08:15:00Z".into()),
            ),
            // Article lines stay.
            ("The minister said the plan would go ahead.", Keep),
            ("By the end of the year, prices had doubled.", Keep),
            ("Follow the money", Keep),
            ("All...", Keep),
            ("Story Timeline", Keep),
            (
                "Share prices fell sharply on Monday after the announcement of the merger.",
                Keep,
            ),
            (
                "Get ready for a long winter, forecasters warned on Tuesday.",
                Keep,
            ),
            ("Sign of the times", Keep),
            ("He said: \"Read more books.\"", Keep),
        ];
        for (line, want) in cases {
            assert_eq!(&classify(line), want, "{line}");
        }
    }

    #[test]
    fn repeated_short_lines_go_and_blank_lines_mark_headlines() {
        let text = "Storm hits coast\n\nWaves rose.\nFollow the live page\nMore rain.\nFollow the live page\n";
        let c = clean(text, Markup::Plain, &Furniture::default());
        assert_eq!(
            c.paragraphs,
            ["Storm hits coast", "Waves rose.", "More rain."]
        );
        assert_eq!(c.blank_after, [true, false, true]);
        assert_eq!(c.removed.len(), 2);
    }

    #[test]
    fn seed_residue_lines_leave_the_body() {
        let seed = include_str!("../../corpus/guardian-kremlin-rejects-territory-swap.txt");
        let c = clean(seed, Markup::Plain, &Furniture::default());
        assert_eq!(c.authors, ["Pjotr Sauer"]);
        let body = c.paragraphs.join("\n");
        for residue in [
            "after newsletter promotion",
            "Article by",
            "skylinenews.org",
            "![](",
        ] {
            assert!(!body.contains(residue), "{residue}");
        }
        assert_eq!(c.paragraphs.len(), 13);
    }

    #[test]
    fn a_name_alone_beside_a_dateline_is_the_byline() {
        let authors = |text: &str| clean(text, Markup::Plain, &Furniture::default()).authors;
        assert_eq!(
            authors("Storm hits coast\n\nGrace Liu\nMarch 4, 2024\n\nWaves rose."),
            ["Grace Liu"]
        );
        assert_eq!(
            authors("Storm hits coast\n\nMarch 4, 2024\n\nGrace Liu\n\nWaves rose."),
            ["Grace Liu"]
        );
        // Elsewhere a name alone stays: a subheading, a list of people.
        let c = clean(
            "Storm hits coast\n\nGrace Liu\n\nShe saw the waves rise.",
            Markup::Plain,
            &Furniture::default(),
        );
        assert!(c.authors.is_empty());
        assert_eq!(c.paragraphs[1], "Grace Liu");
        // Not the title (an obituary named for its subject), nor after the first paragraph.
        assert!(authors("Grace Liu\nMarch 4, 2024\n\nShe died at home.").is_empty());
        let long = "The storm reached the coast on Monday night and flooded the lower town.";
        assert!(authors(&format!("Storm\n\n{long}\n\nGrace Liu\nMarch 4, 2024\n")).is_empty());
        // Not a person's name: no given name first.
        assert!(authors("Storm hits coast\n\nCoastal Desk\nMarch 4, 2024\n\nWaves.").is_empty());
    }

    #[test]
    fn furniture_removes_kept_lines_only() {
        let text = "Storm hits coast\n\nBy Ann Lee\nCoast edition\nWaves rose.\nElsewhere today\n";
        let none = clean(text, Markup::Plain, &Furniture::default());
        let furniture: Furniture = ["coast edition", "by ann lee", "elsewhere today"]
            .iter()
            .filter_map(|l| crate::furniture::line_key(l))
            .collect();
        let c = clean(text, Markup::Plain, &furniture);
        assert_eq!(
            none.paragraphs,
            [
                "Storm hits coast",
                "Coast edition",
                "Waves rose.",
                "Elsewhere today"
            ]
        );
        assert_eq!(c.paragraphs, ["Storm hits coast", "Waves rose."]);
        // A byline is still read as one.
        assert_eq!(c.authors, ["Ann Lee"]);
        assert_eq!(
            c.removed
                .iter()
                .filter(|r| r.1 == Reason::Furniture)
                .count(),
            2
        );
    }

    #[test]
    fn inline_markdown_is_reduced() {
        let c = clean(
            "## Heading\n**Bold** and [a link](http://x.y) ![img](a.png) here.\n",
            Markup::Markdown,
            &Furniture::default(),
        );
        assert_eq!(c.paragraphs, ["Heading", "Bold and a link here."]);
    }

    #[test]
    fn sign_off_table() {
        type Want<'a> = Option<(&'a [&'a str], &'a [&'a str])>;
        let cases: &[(&str, Want)] = &[
            (
                "Alles passiert auch in Österreich.\" (Birgit Baumann aus Berlin, Anna Giulia Fink, Jan Michael Marchart, 3.5.2024)",
                Some((&["Birgit Baumann", "Anna Giulia Fink", "Jan Michael Marchart"], &[])),
            ),
            ("The talks went on. (Ann Lee, AFP)", Some((&["Ann Lee"], &["AFP"]))),
            ("Es blieb ruhig. (APA, 3.5.2024)", Some((&[], &["APA"]))),
            // A citation inside a sentence, a short sign and an aside are no sign-off.
            ("As a study showed (Ann Lee, 2019)", None),
            ("Es blieb ruhig. (red, 3.5.2024)", None),
            ("It rained. (Updated at noon)", None),
            ("It rained. (Ann)", None),
        ];
        for (text, want) in cases {
            let want = want.map(|(a, g)| {
                (
                    a.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                    g.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                )
            });
            assert_eq!(sign_off(text), want, "{text:?}");
        }
    }

    #[test]
    fn wire_credits_and_agency_lines_table() {
        let credits = |authors: &[&str], agencies: &[&str]| Class::Credits {
            authors: authors.iter().map(|s| s.to_string()).collect(),
            agencies: agencies.iter().map(|s| s.to_string()).collect(),
        };
        let cases = [
            (
                "(Reporting by Will Dunham; Editing by Tom Brown)",
                credits(&["Will Dunham"], &[]),
            ),
            (
                "Reporting by Tom Balmforth in Kyiv and Anna Petrova in Moscow; Writing by Jo Park; Editing by Sam Ode",
                credits(&["Tom Balmforth", "Anna Petrova", "Jo Park"], &[]),
            ),
            ("Additional reporting by Ann Lee", credits(&[], &[])),
            ("By AP", credits(&[], &["AP"])),
            ("(dpa)", credits(&[], &["dpa"])),
            ("Source: Reuters/AFP", credits(&[], &["Reuters", "AFP"])),
            ("By The Associated Press", credits(&[], &["The Associated Press"])),
            ("Mit Material von dpa", credits(&[], &["dpa"])),
            // An agency with the city it filed from, in capitals.
            ("AFP, MANILA", credits(&[], &["AFP"])),
            ("AFP, Manila", Class::Keep),
            // A picture's credit credits no story.
            ("AFP/GETTY IMAGES", Class::Residue(Reason::Credit)),
            ("REUTERS/NASA", Class::Residue(Reason::Credit)),
            ("© Reuters", credits(&[], &["Reuters"])),
            ("Associated Press", Class::Residue(Reason::Credit)),
            ("(AFP)", credits(&[], &["AFP"])),
            // Sentences that mention an agency or a reporter stay.
            ("Reporting by local media was thin.", Class::Keep),
            (
                "Produced by Jupiter Research the analysis found only 13% want video.",
                Class::Keep,
            ),
            (
                "Reporting by Reuters staff shows the market fell by a third in a year, and analysts said it would go on falling until the spring at least, whatever the banks do.",
                Class::Keep,
            ),
            ("The AP said the vote was close.", Class::Keep),
        ];
        for (line, want) in cases {
            assert_eq!(classify(line), want, "{line}");
        }
    }
}
