//! Stage 3, one line class: a short line made only of the words of a page's interface.
//!
//! The other line rules of [`super`] know chrome by its wordings (`Keep reading below`,
//! `Most read`); sites word their controls, labels and notices in ways no list holds
//! (`Send to a friend`, `Next article`, `Image 1 of 12`, `Comments are closed`). What
//! they share is their vocabulary: a page's interface talks about itself (its pages,
//! links, comments, pictures, newsletters, the reader's account) and what the reader can
//! do with it (share, print, subscribe, scroll, tap). A line whose every word is such a
//! word, a function word or a number, and which holds at least one word that names the
//! interface itself, is chrome whatever its wording. A story's subheading has a word of
//! its own subject (`Share prices fell`, `Skip the queues`, `The story so far`) and stays.
//!
//! The vocabulary is a closed class, written from what web pages' interfaces are made of
//! (controls, media, accounts, lists of links, legal notices), not from any set's lines.

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
    // The networks a page links to.
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

/// True when `line` is a short line of interface words only (see the module header):
/// every word an interface word, a control word, a function word or a number, and at
/// least one interface word (or a control word addressed to or from the reader). A line
/// ending with a full stop is a sentence unless it is of five words at most; one ending
/// with a colon, a semicolon or a comma is never chrome.
pub(super) fn is_interface_only(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_']);
    // (A line ending with a colon introduces what follows it, `See more photos:` over a
    // story's own pictures: the lines after it are judged on their own.)
    if trimmed.ends_with([';', ',', ':']) {
        return false;
    }
    let mut words = 0;
    let mut interface = false;
    let mut control = false;
    let mut reader = false;
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
        let lower = w.to_lowercase();
        let lower = lower.as_str();
        if INTERFACE.contains(&lower) {
            interface = true;
        } else if CONTROLS.contains(&lower) {
            control = true;
        } else if FUNCTION.contains(&lower) {
            reader |= READER.contains(&lower);
        } else {
            return false;
        }
    }
    if trimmed.ends_with('.') && !trimmed.ends_with("...") && words > 5 {
        return false;
    }
    interface || (control && reader)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_only_table() {
        for (line, want) in [
            ("Next article", true),
            ("Image 1 of 12", true),
            ("Send this article to a friend", true),
            ("Comments are closed.", true),
            ("Contact us", true),
            ("Follow us", true),
            ("View all photos »", true),
            ("Video unavailable", true),
            ("Copy link to this page", true),
            ("Open in app", true),
            // A story's own words.
            ("Share prices fell sharply on Monday.", false),
            ("Skip the queues", false),
            ("The story so far", false),
            ("Next steps", false),
            ("Back to school", false),
            ("Contact", false),
            ("The report", false),
            ("Latest figures show a rise in prices", false),
            // Too long, or a sentence.
            (
                "Share this article with your friends on all of our apps",
                false,
            ),
            ("You can read the full report on our website.", false),
            ("Click", true),
            ("Photo: Reuters", false),
            ("See more photos:", false),
        ] {
            assert_eq!(is_interface_only(line), want, "{line}");
        }
    }
}
