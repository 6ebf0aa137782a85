//! Tests of the main-text reader ([`super`]): a table of page shapes and the pages that
//! must not panic.

use super::*;

fn prose(n: usize, tag: &str) -> String {
    (0..n)
        .map(|i| {
            format!(
                "<p>{tag} paragraph {i}: the council met on Tuesday, and after a long debate, it voted to rebuild the bridge.</p>"
            )
        })
        .collect()
}

fn body_of(body: &str) -> String {
    let doc = Html::parse_document(&format!("<html><body>{body}</body></html>"));
    main_text(&doc)
}

/// (what, page body, text that must be kept, text that must go)
#[test]
fn main_text_table() {
    let story = prose(6, "Story");
    let cases: Vec<(&str, String, Vec<&str>, Vec<&str>)> = vec![
        (
            "navigation, related links, share bar and footer around an article",
            format!(
                r#"<nav><a href="/">Home</a></nav><div class="related-stories"><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></div>
                <div class="article-body"><div class="share-tools">Share this</div>{story}</div><footer>Contact us</footer>"#
            ),
            vec!["Story paragraph 0", "Story paragraph 5"],
            vec!["Home", "Other story", "Share this", "Contact us"],
        ),
        (
            "teasers of the next and previous stories at the article's end, each a linked title, an excerpt and a byline",
            format!(
                r#"<div class="article">{story}<h3>Why it matters</h3><p>Sections of the article itself, with headings, stay where they are.</p><div class="next-prev"><div class="next"><a href="/next"><img src="n.jpg"></a><div class="desc"><a href="/next"><h5>The most powerful hatch yet</h5></a><p>It has 306 HP and a huge rear wing, and more.</p><span>Marcus Lee 2019-11-20</span></div></div><div class="prev"><div class="desc"><a href="/prev"><h5>Renault to challenge rivals</h5></a><p>Its latest MPV measures less than 4 meters long.</p></div></div></div></div>"#
            ),
            vec!["Story paragraph 5", "Why it matters", "Sections of the article itself"],
            vec!["most powerful hatch", "306 HP", "Marcus Lee", "Renault", "MPV"],
        ),
        (
            "a consent toggle for an embedded video between paragraphs: a small block with a form control is a widget",
            format!(
                r#"<div class="article">{story}<div class="box embed"><div class="info-box"><div class="h3">Recommended content</div><p>Here you will find external content from a video site that adds to the article.<br>You can show it and hide it again with one click.</p><div class="toggle"><input type="checkbox" id="t1"><label for="t1">Allow video content</label></div><p class="info">I agree that content from the video site is shown to me.</p></div></div><p>After the video, the council said the bridge would open next spring, and that the cost had risen.</p><div class="group"><p>Shares of <span class="ticker">Acme<button>Add to watchlist</button></span> rose after the vote, and the council said it was pleased.</p></div></div>"#
            ),
            vec!["Story paragraph 5", "After the video, the council said", "Shares of Acme rose after the vote"],
            vec!["Recommended content", "external content", "Allow video", "I agree"],
        ),
        (
            "a link's label for screen readers only, hidden by an inline clip, inside a sentence",
            format!(
                r#"<div class="article"><p>The <a href="/report">report<span style="border:0;clip:rect(0 0 0 0);clip-path:inset(50%);height:1px;overflow:hidden;position:absolute;width:1px">, opens new tab</span></a> by the institute was published on Monday, the council said.</p>{story}</div>"#
            ),
            vec!["The report by the institute was published on Monday", "Story paragraph 5"],
            vec!["opens new tab"],
        ),
        (
            "a pop-up card set inside a sentence: its picture and other stories go, the name stays",
            format!(
                r#"<div class="article"><p>A man pleaded guilty to threatening Rep. <span class="person"><a href="/people/omar">Ilhan Omar</a><span class="card"><img src="o.jpg"><a href="/people/omar">Ilhan Omar</a><a href="/a">Progressives oppose funding bill</a> <a href="/b">Omar asks court for compassion</a></span></span> (D-Minn.), the office said, in a statement, on Monday.</p>{story}</div>"#
            ),
            vec!["threatening Rep. Ilhan Omar (D-Minn.), the office said", "Story paragraph 5"],
            vec!["Progressives oppose", "asks court"],
        ),
        (
            "labelled teaser lines inside the article; prose with a link stays",
            format!(
                r#"<div class="article">{story}<p>DON'T MISS</p><p><a href="/x">Plane passengers quarantined after the outbreak</a> [NEWS]</p><p><a href="/y">Holidaymakers fall ill after eating marmot</a> [NEWS]</p><p>The <a href="/who">World Health Organization</a> said the risk, for now, was low.</p></div>"#
            ),
            vec!["The World Health Organization said the risk"],
            vec!["Plane passengers", "marmot"],
        ),
        (
            "a promo card inside the article: picture, linked category and title, description",
            format!(
                r#"<div class="article">{story}<div class="Enhancement"><div class="Unit"><div><a href="/business">Business</a></div><div><a href="/story/gig-law">Column: Freelancers fear the gig worker law will wipe them out</a></div><a href="/story/gig-law"><img src="x.jpg" alt="A lawmaker"></a><div>Freelance writers and photographers fear the new state law will make them unemployable, they say.</div></div></div><p>{}</p></div>"#,
                "It shouldn't escape notice, either, that paying dividends is not investing for growth."
            ),
            vec!["Story paragraph 5", "It shouldn't escape notice"],
            vec!["Freelancers fear", "unemployable"],
        ),
        (
            "text set straight into a div between <br>s",
            format!(
                r#"<div class="sidebar"><a href="/x">Archive</a></div><div class="post-body">First line of the post, with enough words, to be a paragraph.<br><br>Second line of the post, also long enough, to count as one.<br>{}</div>"#,
                "Third line of the post, again long enough, commas, and all.<br>".repeat(4)
            ),
            vec!["First line of the post", "Second line of the post"],
            vec!["Archive"],
        ),
        (
            "an article cut into chunks with an ad between them",
            format!(
                r#"<div class="wrap"><div class="grid"><div class="article__body">{}</div></div><div class="ad-slot">Advertisement</div><div class="grid"><div class="article__body">{}</div></div></div><div class="footer">Footer</div>"#,
                prose(5, "Early"),
                prose(5, "Late")
            ),
            vec!["Early paragraph 0", "Late paragraph 4"],
            vec!["Advertisement", "Footer"],
        ),
        (
            "chunks of one component numbered apart, of unequal length",
            format!(
                r#"<div class="wrap"><div><div class="story-chunk html_0">{}</div></div><div class="ad-slot">Advertisement</div><div><div class="story-chunk html_2">{}</div></div></div><div class="footer">Footer</div>"#,
                prose(9, "Early"),
                prose(3, "Late")
            ),
            vec!["Early paragraph 0", "Late paragraph 2"],
            vec!["Advertisement", "Footer"],
        ),
        (
            "hidden blocks and utility hidden classes",
            format!(
                r#"<div class="content">{story}<div class="hidden">Support our journalism today</div><p style="display: none">Hidden teaser</p></div>"#
            ),
            vec!["Story paragraph 3"],
            vec!["Support our journalism", "Hidden teaser"],
        ),
        (
            "captions, credits and lines made only of links inside the article",
            format!(
                r#"<article>{story}<figure><img src="a.jpg"><figcaption>The bridge in 2019</figcaption></figure><div class="image-credit">Photo: Ann Lee</div><p><a href="/c">Read more: bridge plans</a></p></article>"#
            ),
            vec!["Story paragraph 1"],
            vec!["The bridge in 2019", "Photo: Ann Lee", "Read more"],
        ),
        (
            "an embedded post quoted in the article stays",
            format!(
                r#"<div class="story-body">{story}<div class="social-media-embed"><blockquote class="twitter-tweet"><p>The bridge is open again, and it looks great, say residents of the town.</p></blockquote></div></div>"#
            ),
            vec!["The bridge is open again"],
            vec![],
        ),
        (
            "a page wrapped in a form (ASP.NET) still has its article",
            format!(r#"<form id="aspnetForm"><div class="main">{story}</div></form>"#),
            vec!["Story paragraph 2"],
            vec![],
        ),
        (
            "a short article with furniture-looking class names",
            r#"<div class="promo-area"><p>A short notice that is the only text on the page, yet long.</p></div>"#
                .to_string(),
            vec!["A short notice"],
            vec![],
        ),
    ];
    for (what, body, keep, drop) in cases {
        let text = body_of(&body);
        for k in keep {
            assert!(text.contains(k), "{what}: {k:?} missing from\n{text}");
        }
        for d in drop {
            assert!(!text.contains(d), "{what}: {d:?} kept in\n{text}");
        }
    }
}

#[test]
fn no_body_and_empty_pages_do_not_panic() {
    for page in [
        "",
        "<html></html>",
        "<p>only a fragment of text</p>",
        "<frameset></frameset>",
    ] {
        let doc = Html::parse_document(page);
        let _ = main_text(&doc);
    }
    let doc = Html::parse_document("<p>Text with no html or body element around it at all.</p>");
    assert!(main_text(&doc).contains("Text with no html"));
}
