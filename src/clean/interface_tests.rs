//! Tests of the line classes read by a page's interface vocabulary (`super`).

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
        // A control alone.
        ("Sign up", true),
        ("Log in", true),
        ("Search", true),
        ("Back to top", true),
        // A story's own words.
        ("Home and away", false),
        ("The search continues", false),
        ("Watch out", false),
        ("Back home", false),
        ("Listen to the people", false),
        ("What happens next?", false),
        ("Privacy", false),
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
        // Labels over other stories, a gallery's counter.
        ("Elsewhere in this section", true),
        ("People also read", true),
        ("Other stories you might like", true),
        ("1/12", true),
        ("Earlier today", false),
        ("What happens next?", false),
        // Found by review: a song, a quote, a question, a review's part, a retailer.
        ("Not Like Us", false),
        ("People like us", false),
        ("\"Help us.\"", false),
        ("Is WhatsApp down?", false),
        ("TikTok", false),
        ("Video", false),
        ("The site is now closed.", false),
        ("Next", false),
        ("Follow us on Instagram", true),
        ("Like us on Facebook", true),
    ] {
        assert_eq!(is_interface_only(line), want, "{line}");
    }
}

#[test]
fn reader_notice_table() {
    for (line, want) in [
        ("Subscribe to our newsletter for the latest updates.", true),
        ("Have a news tip? Email us at tips@example.com.", true),
        (
            "This article originally appeared on The Conversation.",
            true,
        ),
        (
            "Want more stories like this? Follow us on Google News.",
            true,
        ),
        // A story's: it reports someone, quotes, names what is not the site's, or
        // only speaks of an app to `you`.
        (
            "You can download the app from Monday, the company said.",
            false,
        ),
        ("\"Sign up to our newsletter,\" the minister joked.", false),
        (
            "If you have a Hulu account, visit your account page to upgrade",
            false,
        ),
        (
            "It is a virtual man, which you can download and install.",
            false,
        ),
        (
            "A court convicted them of sending e-mail to AOL subscribers in the US.",
            false,
        ),
        (
            "We actioned 4 million Reels across Facebook and Instagram.",
            false,
        ),
        // A correction is news of the story.
        ("This article was amended on 4 March 2024.", false),
        // Found by review: the piece as the subject of a story's sentence, a review in
        // `we`, advice to `you`, an interview's question, a quote in single marks.
        ("This video, published on Tuesday by the army, appears to show a strike.", false),
        ("We found the app easy to use, and the video quality is excellent.", false),
        ("If you were affected, you can claim a refund through the app, by email or on the website.", false),
        ("Tell us about the podcast.", false),
        ("‘Follow us on Instagram and share the video with your friends,’ the couple wrote.", false),
    ] {
        assert_eq!(is_reader_notice(line), want, "{line}");
    }
}

#[test]
fn label_over_link_table() {
    for (line, want) in [
        ("You may also like: Ten ways to save on energy", true),
        ("Don't miss » The town where nobody pays rent", true),
        ("Profile: Gordon Brown", false),
        ("Update: Police have now named the man.", false),
        ("We like: the low energy consumption", false),
        // Found by review: dashes in a story's sentence, a live blog, a poll's row.
        (
            "The latest – and most serious – allegation came on Tuesday",
            false,
        ),
        (
            "Next week – for the first time since 2019 – the leaders meet.",
            false,
        ),
        ("Latest: Police say the road has reopened", false),
        ("Other: 4%", false),
        ("Up next → How the storm changed the coast", true),
        ("Comment: The Seahawks have a solid edge", false),
        ("Also read:", false),
    ] {
        assert_eq!(is_label_over_link(line), want, "{line}");
    }
}

#[test]
fn sponsor_label_table() {
    for (line, want) in [
        ("Presented by Acme Bank", true),
        ("In partnership with Acme Bank", true),
        ("Supported by", true),
        (
            "Supported by a grant from the council, the project opened in May.",
            false,
        ),
        ("Presenters said the show would return", false),
        ("Powered by the sun", false),
        ("Funded by the taxpayer", false),
    ] {
        assert_eq!(is_sponsor_label(line), want, "{line}");
    }
}

/// Regression: a video's `Duration 1:30` stayed in the body of a news page.
#[test]
fn clock_only_table() {
    for (line, want) in [
        ("Duration 1:30", true),
        ("Duration 12:38", true),
        ("1:30", true),
        ("02:15:09", true),
        ("Video duration 2:05", true),
        ("Listen · 4:12", true),
        ("Updated 12:05 GMT", true),
        ("Duration: 3 minutes", true),
        // A story says what a time is; minutes alone, or a score, are no player's.
        ("The doors opened at 1:30.", false),
        ("Duration of the strike: 3 days", false),
        ("3 minutes", false),
        ("Updated rules take effect at 12:05 GMT on Monday", false),
        ("Chelsea 2-1 Arsenal", false),
    ] {
        assert_eq!(is_clock_only(line), want, "{line}");
    }
}

proptest::proptest! {
    // Any line, wide characters and stops near the 60th byte included: no rule panics,
    // an interface line has at most eight words, a label has its stop.
    #[test]
    fn no_line_makes_the_rules_panic(line in "[A-Za-z0-9 £’»›→:|/.,@()'\"-]{0,120}") {
        let interface = is_interface_only(&line);
        proptest::prop_assert!(!interface || line.split_whitespace().count() <= MAX_WORDS);
        let label = is_label_over_link(&line);
        proptest::prop_assert!(!label || line.contains([':', '»', '›', '>', '|', '→']));
        let _ = (is_reader_notice(&line), is_sponsor_label(&line));
        let _ = super::super::classify(line.trim());
    }
}

#[test]
fn a_long_line_with_a_wide_character_near_sixty_bytes_does_not_panic() {
    let line = "It is not the fastest computer for the money but for under £400 you get more";
    assert!(!is_label_over_link(line));
}
