//! Stage 3, the line classes read by the vocabulary of a page's interface: short lines
//! made only of its words, sentences a site writes to its reader, labels over links to
//! other stories, sponsors' labels. [`super::classify`] asks these after its own rules.
//!
//! The other line rules of [`super`] know chrome by its wordings (`Keep reading below`,
//! `Most read`); sites word their controls, labels and notices in ways no list holds
//! (`Send to a friend`, `Next article`, `Image 1 of 12`, `Comments are closed`). What
//! they share is their vocabulary: a page's interface talks about itself (its pages,
//! links, comments, pictures, newsletters, the reader's account) and what the reader can
//! do with it (share, print, subscribe, scroll, tap). A short line whose every word is
//! such a word, a control's or a label's word, a function word or a number is chrome when
//! one word names the interface itself, or a call speaks to the reader (`Contact us`), or
//! a word points to other stories (`People also read`) ([`is_interface_only`]). A story's
//! subheading has a word of its own subject (`Share prices fell`, `Skip the queues`, `The
//! story so far`) and stays.
//!
//! Sentences a site writes to its reader ([`is_reader_notice`]): prompts to sign up,
//! follow, share, comment or donate, notes on where the piece first appeared, affiliate
//! notices. They speak for the site (`our`, `us`, `please`, an imperative) about it and
//! its products, and they report no one: a sentence with a quotation or a reporting verb
//! is a story's. Labels over a link to another story ([`is_label_over_link`]) and
//! sponsors' labels ([`is_sponsor_label`]) open a line.
//!
//! The vocabulary is a closed class, written from what web pages' interfaces are made of
//! (controls, media, accounts, lists of links, legal notices); some label words were
//! added with the dev lines they read (`docs/extraction.md`).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Words that name the page's interface itself: one is needed. Almost never a story's
/// subheading alone or with function words.
const INTERFACE: &[&str] = &[
    // What is on the page and around it.
    "article",
    "articles",
    "page",
    "pages",
    "homepage",
    "website",
    "site",
    "link",
    "links",
    "url",
    "menu",
    "navigation",
    "sidebar",
    "footer",
    "header",
    "tab",
    "tabs",
    "button",
    "comment",
    "comments",
    "commenting",
    "reply",
    "replies",
    "thread",
    "newsletter",
    "newsletters",
    "inbox",
    "email",
    "e-mail",
    "emails",
    "app",
    "apps",
    "podcast",
    "podcasts",
    "video",
    "videos",
    "audio",
    "player",
    "playlist",
    "gallery",
    "galleries",
    "slideshow",
    "slide",
    "slides",
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "pictures",
    "caption",
    "captions",
    "thumbnail",
    "fullscreen",
    "feed",
    "rss",
    "alerts",
    "notifications",
    "notification",
    "bookmark",
    "bookmarks",
    "bookmarked",
    "account",
    "login",
    "logout",
    "signup",
    "password",
    "username",
    "profile",
    "settings",
    "preferences",
    "subscriber",
    "subscribers",
    "subscription",
    "subscriptions",
    "subscribe",
    "unsubscribe",
    "cookie",
    "cookies",
    "advertisement",
    "advertisements",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "sitemap",
    "faq",
    "faqs",
    "permalink",
    "hashtag",
    "widget",
    "browser",
    "javascript",
    // What the reader does with it.
    "share",
    "tweet",
    "retweet",
    "print",
    "printable",
    "download",
    "install",
    "click",
    "tap",
    "swipe",
    "scroll",
    "enlarge",
    "zoom",
    "mute",
    "unmute",
    "embed",
    "copy",
    "copied",
    "upvote",
    "downvote",
    "toggle",
];

/// The networks a page links to: interface words in a short line (`Follow us on
/// Instagram`), but stories about them name them too.
const NETWORKS: &[&str] = &[
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
    "bluesky",
    "snapchat",
    "flipboard",
    "messenger",
    "mastodon",
    "threads",
    "x",
];

/// Words a page's controls and labels use beside those above, which stories use too
/// (`next`, `back`, `contact`, `read`, `friend`): allowed, never enough alone.
const CONTROLS: &[&str] = &[
    "read",
    "reading",
    "view",
    "views",
    "viewed",
    "see",
    "show",
    "hide",
    "load",
    "loading",
    "expand",
    "collapse",
    "open",
    "close",
    "closed",
    "disabled",
    "enabled",
    "next",
    "previous",
    "prev",
    "back",
    "top",
    "home",
    "go",
    "return",
    "skip",
    "jump",
    "send",
    "sent",
    "forward",
    "friend",
    "friends",
    "contact",
    "follow",
    "like",
    "likes",
    "save",
    "saved",
    "play",
    "pause",
    "replay",
    "watch",
    "listen",
    "report",
    "flag",
    "sign",
    "log",
    "register",
    "join",
    "continue",
    "continues",
    "more",
    "less",
    "all",
    "full",
    "latest",
    "popular",
    "related",
    "recommended",
    "trending",
    "sponsor",
    "partner",
    "partners",
    "post",
    "posts",
    "posted",
    "edit",
    "edited",
    "delete",
    "submit",
    "search",
    "results",
    "enter",
    "type",
    "manage",
    "accept",
    "reject",
    "allow",
    "enable",
    "update",
    "refresh",
    "retry",
    "error",
    "available",
    "unavailable",
    "supported",
    "free",
    "new",
    "now",
    "here",
    "below",
    "above",
    "down",
    "up",
    "already",
    "member",
    "members",
    "section",
    "sections",
    "story",
    "stories",
    "news",
    "content",
    "media",
    "author",
    "authors",
    "terms",
    "conditions",
    "privacy",
    "policy",
    "notice",
    "help",
    "coverage",
];

/// Function words: allowed anywhere, never enough.
const FUNCTION: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "to", "of", "on", "in", "at", "for",
    "with", "by", "from", "via", "and", "or", "is", "are", "was", "be", "been", "has", "have",
    "it", "its", "our", "us", "we", "your", "you", "my", "me", "i", "not", "no", "yes", "out",
    "off", "about", "into", "other", "per", "&", "+",
];

/// Who a page's own labels speak to or for: with a control word, a line of these words
/// is chrome without an interface word (`Contact us`, `Follow us`, `About us`).
const READER: &[&str] = &["us", "our", "you", "your"];

/// Lines of more words are text.
const MAX_WORDS: usize = 8;

// What a word is to these rules, as bits: one look-up per word.
const IS_INTERFACE: u16 = 1;
const IS_NETWORK: u16 = 1 << 1;
const IS_CONTROL: u16 = 1 << 2;
const IS_FUNCTION: u16 = 1 << 3;
const IS_READER: u16 = 1 << 4;
const IS_LABEL: u16 = 1 << 5;
const IS_POINTER: u16 = 1 << 6;
const IS_OFFER: u16 = 1 << 7;
const IS_VOICE: u16 = 1 << 8;
const IS_PROMPT: u16 = 1 << 9;
const IS_ABOUT: u16 = 1 << 10;
const IS_REPORTING: u16 = 1 << 11;

/// The word's bits (0 for a word of none of the lists); `lower` is lower-case.
fn kind(lower: &str) -> u16 {
    static MAP: LazyLock<FxHashMap<&'static str, u16>> = LazyLock::new(|| {
        let mut map = FxHashMap::default();
        for (words, bit) in [
            (INTERFACE, IS_INTERFACE),
            (NETWORKS, IS_NETWORK),
            (CONTROLS, IS_CONTROL),
            (FUNCTION, IS_FUNCTION),
            (READER, IS_READER),
            (LABELS, IS_LABEL),
            (POINTERS, IS_POINTER),
            (OFFERS, IS_OFFER),
            (SITE_VOICE, IS_VOICE),
            (super::CTA_VERBS, IS_PROMPT),
            (PROMPTS, IS_PROMPT),
            (ABOUT_THE_PIECE, IS_ABOUT),
            (REPORTING, IS_REPORTING),
        ] {
            for w in words {
                *map.entry(*w).or_insert(0) |= bit;
            }
        }
        map
    });
    MAP.get(lower).copied().unwrap_or(0)
}

/// `word` in lower case in `buf`, curly apostrophes straight; `None` when it cannot be a
/// word of the lists (too long, or a letter outside ASCII).
fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let mut n = 0;
    for c in word.chars() {
        let c = if c == '’' { '\'' } else { c };
        if !c.is_ascii() || n == buf.len() {
            return None;
        }
        buf[n] = c.to_ascii_lowercase() as u8;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// True when `line` is a short line of interface words only (see the module header):
/// every word an interface word, a network, a control word, a label's word ([`LABELS`]),
/// a function word or a number, and one of: an interface word (not a medium alone:
/// `Video` may head a review's part), a network with a control word (`Follow on
/// Instagram`), a call to the site spoken to or for the reader (`Contact us`), a control
/// word with one pointing to other stories (`People also read`); or a gallery's counter
/// (`1/12`). Never a line in quotation marks or ending with a colon, a semicolon or a
/// comma; a line ending with a full stop only of five words at most and no article; a
/// question only with an interface word.
pub(super) fn is_interface_only(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_']);
    // (A line ending with a colon introduces what follows it, `See more photos:` over a
    // story's own pictures: the lines after it are judged on their own. A line in
    // quotation marks is someone's words: `"Help us."`)
    if trimmed.ends_with([';', ',', ':']) || line.starts_with(['"', '“', '‘', '\'']) {
        return false;
    }
    // (A gallery's counter: `1/12`, `3 of 12`.)
    static COUNTER: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^\d{1,3}\s*(?:/|of)\s*\d{1,3}$").expect("static regex is valid")
    });
    if COUNTER.is_match(line) {
        return true;
    }
    let mut words = 0;
    let (mut interface, mut media, mut network) = (false, true, false);
    let (mut control, mut call, mut reader, mut pointer, mut article) =
        (false, false, false, false, false);
    let (mut action, mut label) = (false, false);
    for raw in line.split(|c: char| {
        c.is_whitespace() || matches!(c, '|' | '·' | '•' | '›' | '»' | '«' | '→' | '>' | ':')
    }) {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '+');
        if w.is_empty() {
            continue;
        }
        words += 1;
        if words > MAX_WORDS {
            return false;
        }
        if w.chars().all(|c| c.is_ascii_digit() || "/.,-".contains(c)) {
            continue;
        }
        let mut buf = [0; 24];
        let lower = lower_ascii(w, &mut buf).unwrap_or("");
        let k = kind(lower);
        pointer |= k & IS_POINTER != 0;
        article |= matches!(lower, "the" | "a" | "an");
        if k & IS_INTERFACE != 0 {
            interface = true;
            media &= MEDIA.contains(&lower);
        } else if k & IS_NETWORK != 0 {
            network = true;
        } else if k & IS_CONTROL != 0 {
            control = true;
            call |= READER_CALLS.contains(&lower);
            action |= ACTIONS.contains(&lower);
        } else if k & IS_FUNCTION != 0 {
            reader |= k & IS_READER != 0;
        } else if k & IS_LABEL == 0 {
            return false;
        } else {
            label = true;
        }
    }
    // (A sentence about something, `The site is now closed.`, is a story's; a notice has
    // no article: `Comments are closed.`)
    if trimmed.ends_with('.') && !trimmed.ends_with("...") && (words > 5 || article) {
        return false;
    }
    // (A question is a story's unless it names the interface itself: `Is WhatsApp down?`
    // against `Already a subscriber?`.)
    if trimmed.ends_with('?') && !interface {
        return false;
    }
    // One word naming a medium may head a review's part (`Audio`, `Video`, `Apps`).
    let one_medium = words == 1 && media;
    (interface && !one_medium)
        // A network with a control: `Follow on Instagram`.
        || (network && control)
        // A call spoken to or for the reader: `Contact us`, `Follow us`.
        || (call && reader)
        // A label that points to other stories: `Elsewhere in this section`, `People also read`.
        || (control && pointer && words >= 2)
        // A control alone: one word (`Search`, `Back`, `Close`), or signing in and out
        // (`Sign up`, `Log in`); two words may be a subheading (`Watch out`, `The Search`).
        || (action
            && !interface
            && !network
            && !label
            && (words == 1 || sign_in(line))
            && !trimmed.ends_with(['.', '?']))
}

/// Whether `line` is `Sign up`, `Sign in`, `Log in`, `Log out` and the like.
fn sign_in(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let mut words = lower.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some("sign" | "log"), Some("in" | "up" | "out" | "on"), None)
    )
}

/// Control words that work a page by themselves (a button's or a link's whole label):
/// alone on a line they are chrome (`Search`, `Close`, `Back`), and so is signing in or
/// out (`Sign up`, `Log in`). Not words a story's subheading may be alone (`Coverage`,
/// `Privacy`, `Report`, `Free`, `Latest`, `Next`).
const ACTIONS: &[&str] = &[
    "sign", "log", "register", "search", "close", "home", "listen", "watch", "expand", "collapse",
    "previous", "prev", "back", "skip", "play", "pause", "replay", "submit", "load", "show",
    "hide", "view", "see", "continue", "jump", "return",
];

/// Interface words that name a medium: alone on a line they may head a review's part.
const MEDIA: &[&str] = &[
    "audio", "video", "videos", "picture", "pictures", "photo", "photos", "image", "images", "app",
    "apps", "settings", "gallery", "podcast", "player", "podcasts",
];

/// Control words that call the reader to the site itself: with `us` or `your` they are a
/// page's (`Contact us`), where `People like us` is a story's.
const READER_CALLS: &[&str] = &[
    "contact", "follow", "join", "support", "send", "sign", "log",
];

/// Words of the labels over a link to another story, beside the control words (`You may
/// also like:`, `Don't miss:`, `Up next:`, `ICYMI:`).
const LABELS: &[&str] = &[
    "also",
    "like",
    "miss",
    "missed",
    "don't",
    "dont",
    "must",
    "icymi",
    "previously",
    "further",
    "similar",
    "other",
    "pick",
    "picks",
    "editor's",
    "editors",
    "choice",
    "may",
    "might",
    "could",
    "interested",
    "in",
    "case",
    "earlier",
    "before",
    "coming",
    "today",
    "week",
    "topics",
    "topic",
    "tags",
    "tag",
    "stories",
    "suggested",
    "recommendations",
    "keep",
    "scrolling",
    "others",
    "people",
    "elsewhere",
];

/// True when `line` is a media player's clock or a time stamp with no date: a time alone
/// (`1:30`, `02:15:09`), after a player's or a stamp's label (`Duration 1:30`, `Video
/// duration 2:05`, `Listen · 4:12`, `Updated 12:05 GMT`), or a length in minutes or
/// seconds after such a label (`Duration: 3 minutes`). A story says what a time is.
pub(super) fn is_clock_only(line: &str) -> bool {
    static CLOCK: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"^(?i:(?:(?:(?:video|audio|clip|podcast|episode)\s+)?(?:duration|length|running\s+time|runtime|listen|play|watch|updated|published|posted|last\s+updated)[\s:·|,-]*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*(?:gmt|bst|utc|cet|cest|et|est|edt|pt|pst|pdt))?|(?:(?:video|audio|clip|podcast|episode)\s+)?(?:duration|length|running\s+time|runtime|listen|play|watch)[\s:·|,-]*\d{1,3}\s*(?:min|mins|minutes|sec|secs|seconds))$",
        )
        .expect("static regex is valid")
    });
    line.len() <= 40 && CLOCK.is_match(line.trim())
}

/// True when `line` is a sponsor's label over the page or a part of it (`Presented by
/// Acme Bank`, `In partnership with Acme`, `Supported by`): at most eight words, no
/// sentence's end, the sponsor's name with a capital.
pub(super) fn is_sponsor_label(line: &str) -> bool {
    static SPONSOR: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^(?i:(?:presented|sponsored|supported|powered|funded|paid\s+for|brought\s+to\s+you)\s+by|(?:produced\s+)?in\s+(?:partnership|association|collaboration)\s+with)(?:\s|$)")
            .expect("static regex is valid")
    });
    // (The sponsor is named with a capital, or not at all: `Powered by the sun`, `Funded
    // by the taxpayer` head a story's part.)
    SPONSOR.find(line).is_some_and(|m| {
        let sponsor = line[m.end()..].trim_start();
        sponsor.is_empty() || sponsor.starts_with(char::is_uppercase)
    }) && super::words_up_to(line, 8) <= 8
        && !super::ends_sentence(line)
}

/// Words of such a label that point away from the story, to others: one is needed
/// (`Profile:`, `Comment:`, `We like:` label the story's own parts).
const POINTERS: &[&str] = &[
    "also",
    "miss",
    "missed",
    "icymi",
    "previously",
    "further",
    "similar",
    "next",
    "more",
    "related",
    "recommended",
    "popular",
    "trending",
    "latest",
    "top",
    "suggested",
    "must",
    "other",
    "earlier",
    "elsewhere",
    "coming",
];

/// True when `line` opens with a label over a link to another story (`You may also
/// like: ...`, `Don't miss » ...`, `Up next → ...`): at most five words before a colon,
/// `»`, `›`, `>`, `|` or `→`, all of them control, interface, label or function words,
/// one of them pointing to other stories, and after it three to thirty words opening
/// with a capital or a figure. A label that brings news of the story itself (`Update:`,
/// `Latest:`, `Correction:`, `Editor's note:`) is the story's; a spaced dash is no stop
/// (`The latest – and most serious – allegation ...`).
pub(super) fn is_label_over_link(line: &str) -> bool {
    static STOPS: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\s*(?::|»|›|>|\||→)\s*").expect("static regex is valid")
    });
    // (Most lines open with a word no label has.)
    let mut buf = [0; 24];
    let first = line.split_whitespace().next().unwrap_or("");
    let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    if lower_ascii(first, &mut buf).map_or(0, kind) == 0 {
        return false;
    }
    // (Labels are short: the stop is looked for in the first 60 characters.)
    let head = line
        .char_indices()
        .nth(60)
        .map_or(line, |(i, _)| &line[..i]);
    let Some(stop) = STOPS.find(head) else {
        return false;
    };
    let (label, rest) = (&line[..stop.start()], &line[stop.end()..]);
    // What follows is another story's headline or opening: a capital or a figure first,
    // three words or more (`Other: 4%` is a poll's row), and no paragraph of this one.
    if label.is_empty()
        || !rest
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c))
        || !(3..=30).contains(&super::words_up_to(rest, 30))
    {
        return false;
    }
    let mut words = 0;
    let mut pointer = false;
    for raw in label.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let Some(lower) = lower_ascii(w, &mut buf) else {
            return false;
        };
        words += 1;
        if words > 5
            || matches!(
                lower,
                "update"
                    | "updated"
                    | "updates"
                    | "latest"
                    | "correction"
                    | "note"
                    | "clarification"
            )
        {
            return false;
        }
        let k = kind(lower);
        pointer |= k & IS_POINTER != 0;
        if k & (IS_INTERFACE | IS_CONTROL | IS_LABEL | IS_FUNCTION) == 0 {
            return false;
        }
    }
    pointer
}

/// What a site offers its reader besides the page: with the interface words, the
/// subject of its prompts (`our journalism`, `a news tip`, `a commission`).
const OFFERS: &[&str] = &[
    "journalism",
    "journalists",
    "newsroom",
    "coverage",
    "briefing",
    "roundup",
    "digest",
    "blog",
    "quiz",
    "tip",
    "tips",
    "donate",
    "donation",
    "donations",
    "commission",
    "affiliate",
    "readers",
    "reader",
    "unsubscribe",
    "subscribers",
    "alerts",
    "updates",
    "inbox",
    "logged",
    "clicking",
];

/// Words in which the site speaks (`please` too: a site's request; not `we`, in which
/// reviewers and columnists write).
const SITE_VOICE: &[&str] = &["us", "our", "please"];

/// Verbs that open a prompt to the reader, beyond the calls to action of [`super`].
const PROMPTS: &[&str] = &["catch", "find", "contact", "message", "enjoy"];

/// What a notice about the piece itself says of it (`This article first appeared ...`,
/// `This video is no longer available`). (A correction, `This article was amended on
/// ...`, is news of the story: it stays.)
const ABOUT_THE_PIECE: &[&str] = &[
    "appeared",
    "published",
    "republished",
    "produced",
    "sponsored",
    "syndicated",
    "redistributed",
    "available",
    "unavailable",
];

/// Reporting verbs: a sentence that reports someone is a story's.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according",
    "added",
    "asked",
    "stated",
    "wrote",
    "writes",
    "posted",
    "explained",
    "announced",
    "claimed",
    "insisted",
    "warned",
    "noted",
    "argued",
    "replied",
];

/// True when `line` (at most 25 words) is a sentence or two a site writes to its reader
/// (see the module header). Never with a quotation or a reporting verb. A notice about
/// the piece itself (`This article first appeared in ...`); or, counting the interface's
/// words and what a site offers (an e-mail address counts as two, a network none: stories
/// name them), two or more with a prompt or the site's voice (`our`, `us`, `please`), or
/// one with both. A name the sentence gives that is not the site's (`your Hulu account`,
/// a headline's capitals) makes it a story's unless the site speaks. (Advice to `you`
/// alone, `you can claim a refund through the app`, is a story's.)
pub(super) fn is_reader_notice(line: &str) -> bool {
    if line.contains(['"', '“', '”', '‘']) {
        return false;
    }
    let (mut offers, mut site, mut prompt, mut named) = (0, false, false, false);
    // Words since `This article` (none yet), and whether what it says of itself follows.
    let (mut since_piece, mut about_it): (Option<usize>, bool) = (None, false);
    let mut sentence_start = true;
    let mut previous = "";
    let mut buf = [0; 24];
    for raw in line.split_whitespace() {
        let starts = sentence_start;
        sentence_start = raw.ends_with(['.', '?', '!', ':']);
        if raw.contains('@') && raw.contains('.') {
            offers += 2;
            continue;
        }
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        let lower = lower_ascii(w, &mut buf).unwrap_or("");
        let k = kind(lower);
        if k & IS_REPORTING != 0 {
            return false;
        }
        if k & (IS_INTERFACE | IS_OFFER) != 0 {
            offers += 1;
        }
        // (`US` is a country.)
        site |= k & IS_VOICE != 0 && w != "US";
        named |= !starts
            && w.starts_with(char::is_uppercase)
            && w != "I"
            && w != "US"
            && k & (IS_INTERFACE | IS_OFFER | IS_NETWORK) == 0;
        // `This article ...`, `This story ...` opening a sentence: the piece speaks of
        // itself, saying what it is within four words (`This article first appeared`,
        // `This video is no longer available`; not `This video, published by the army,`).
        if let Some(n) = since_piece.as_mut() {
            *n += 1;
            about_it |= *n <= 4 && k & IS_ABOUT != 0;
            if *n > 4 || raw.ends_with(',') {
                since_piece = None;
            }
        }
        if previous == "this"
            && matches!(
                lower,
                "article" | "story" | "piece" | "post" | "video" | "content" | "material"
            )
            && !raw.ends_with(',')
        {
            since_piece = Some(0);
        }
        // `Follow us`, `Email us`: a prompt whose object is the site.
        if previous == "prompt" && lower == "us" {
            offers += 1;
        }
        prompt |= starts && k & IS_PROMPT != 0;
        previous = match (starts, lower) {
            (true, "this") => "this",
            (true, _) if k & IS_PROMPT != 0 => "prompt",
            _ => "",
        };
    }
    about_it
        || ((site || !named)
            && ((offers >= 2 && (prompt || site)) || (offers >= 1 && site && prompt)))
}

#[cfg(test)]
#[path = "interface_tests.rs"]
mod tests;
