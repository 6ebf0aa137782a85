//! Tests of the HTML reader (`super`): tables of pages and what is read from them.

use super::*;

const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Dam bursts after storm | The Valley Times</title>
<meta property="og:site_name" content="The Valley Times">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
<link rel="canonical" href="https://valley.example/dam">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Dam bursts after storm","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Organization","name":"Valley Wire"}]}]}</script>
</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Dam bursts after storm</h1>
<div class="share-bar">Share on Facebook</div>
<p>The dam above the village gave way on Tuesday night after two days of rain, residents said.</p>
<figure><img src="x.jpg"><figcaption>The dam in 2019. Photo: Bob</figcaption></figure>
<p>"We heard a roar," said Maria Lopez, who lives below the dam. Engineers had warned about the wall for years.</p>
</article><aside>Most read: other things</aside></main><footer>© 2024 Valley</footer>
<script>var x = "not text";</script></body></html>"#;

#[test]
fn bylines_and_dates_given_as_labelled_facts() {
    let body = "<p>The harbour reopened on Monday after three weeks of repairs to the old sea wall, the port authority said, and ferries ran again.</p>";
    let listed = format!(
        "<html><body><article><h1>Harbour reopens</h1>{body}<ul><li><strong>Datum</strong> 28.04.2023</li><li><strong>Autorin/Autor</strong> Roman Goncharenko</li></ul></article></body></html>"
    );
    let a = read_html(&listed);
    assert_eq!(a.authors, ["Roman Goncharenko"]);
    assert_eq!(a.date.as_deref(), Some("2023-04-28T00:00:00Z"));
    let defined = format!(
        "<html><body><article><h1>Harbour reopens</h1>{body}<dl><dt>Author</dt><dd>Jane Doe</dd><dt>Published</dt><dd>5.3.2024</dd></dl></article></body></html>"
    );
    let a = read_html(&defined);
    assert_eq!(a.authors, ["Jane Doe"]);
    assert_eq!(a.date.as_deref(), Some("2024-03-05T00:00:00Z"));
    // A label that is a sentence's first word is no fact.
    let prose = format!(
        "<html><body><article><h1>Harbour reopens</h1>{body}<p><b>Author</b> of the plan, the mayor, spoke first.</p></article></body></html>"
    );
    assert!(read_html(&prose).authors.is_empty());
}

#[test]
fn a_page_drawn_by_its_script_gives_the_story_its_data_holds() {
    let story = "<p>The harbour reopened on Monday after three weeks of repairs to the old sea wall, the port authority said.</p>$$ARTICLEAD$$<p>Ferries ran again from the morning, and the first boats left full of passengers who had waited since the storm.</p><p>The repairs cost more than planned, officials said, but the wall should now last another fifty years.</p>";
    let data = serde_json::to_string(
        &serde_json::json!({"detail": {"title": "Harbour reopens", "contentHtml": story}}),
    )
    .unwrap()
    .replace('<', "\\u003c");
    let page = format!(
        "<html><head><title>Harbour reopens</title></head><body><div id=\"root\"></div><script>window.state = {data};</script><script src=\"/app.js\"></script></body></html>"
    );
    let a = read_html(&page);
    assert!(
        a.body.starts_with("The harbour reopened on Monday"),
        "{}",
        a.body
    );
    assert!(a.body.contains("another fifty years"), "{}", a.body);
    assert!(!a.body.contains("ARTICLEAD"), "{}", a.body);
    // An icon's `<path>` longer than the story, a stray quote mark in another kind of
    // literal, and data that wraps the story in JSON do not hide the story.
    let icon = format!("<svg>{}</svg>", "<path d=\"M0 0L1 1\"/>".repeat(200));
    let noisy = format!(
        "<html><body><div id=\"root\"></div><script>var q = '\"'; var icon = {}; window.state = {data}; self.push(\"5:[\\\"$\\\",\\\"article\\\",{{\\\"__html\\\":\\\"<p>{}</p>\\\"}}]\");</script></body></html>",
        serde_json::to_string(&icon).unwrap(),
        "x ".repeat(150)
    );
    let a = read_html(&noisy);
    assert!(
        a.body.starts_with("The harbour reopened on Monday"),
        "{}",
        a.body
    );
    // A page whose HTML holds the story keeps it, whatever its scripts carry.
    assert!(read_html(PAGE).body.contains("The dam above the village"));
}

#[test]
fn a_teaser_gives_way_to_the_whole_story_the_page_states() {
    let lede = "Tras seis derrotas consecutivas, el equipo volvió a puntuar en su lucha por la salvación ante un rival directo.";
    let rest =
        " El partido empezó con dominio local y dos goles en la primera media hora. ".repeat(6);
    let page = |ld_body: &str| {
        let ld = serde_json::json!({"@type": "NewsArticle", "headline": "Un punto vital", "articleBody": ld_body});
        format!("<html><head><script type=\"application/ld+json\">{ld}</script></head><body><article><h1>Un punto vital</h1><p>{lede}</p><p>Suscríbete para seguir leyendo.</p></article></body></html>")
    };
    let whole = format!("{lede}{rest}");
    assert!(read_html(&page(&whole))
        .body
        .contains("dos goles en la primera media hora"));
    // Stated as HTML: read as text, paragraph by paragraph.
    let html = format!("<p>{lede}</p><p>{rest}</p>");
    let body = read_html(&page(&html)).body;
    assert!(
        !body.contains("<p>") && body.contains("dos goles"),
        "{body}"
    );
    assert_eq!(body.lines().count(), 2, "{body}");
    // A stated body that is another text, or no longer, leaves the page's own.
    let other = format!("Otra historia.{rest}{rest}");
    assert!(!read_html(&page(&other)).body.contains("dos goles"));
    assert!(read_html(&page(lede)).body.contains("Suscríbete"));
}

#[test]
fn baseline_page() {
    let a = read_html(PAGE);
    assert_eq!(a.title.as_deref(), Some("Dam bursts after storm"));
    assert_eq!(a.authors, ["Ann Lee"]);
    assert_eq!(a.date.as_deref(), Some("2024-03-05T08:30:00Z"));
    assert_eq!(a.source.as_deref(), Some("The Valley Times"));
    assert_eq!(a.url.as_deref(), Some("https://valley.example/dam"));
    assert_eq!(a.lang.as_deref(), Some("en"));
    assert!(a.body.contains("The dam above the village"), "{}", a.body);
    assert!(a.body.contains("\"We heard a roar,\""), "{}", a.body);
    for furniture in [
        "Home",
        "Share on Facebook",
        "Photo: Bob",
        "Most read",
        "©",
        "not text",
    ] {
        assert!(!a.body.contains(furniture), "{furniture} in {}", a.body);
    }
}

/// One page per source of metadata, in the order of trust the reader uses.
#[test]
fn metadata_sources_table() {
    struct Case {
        what: &'static str,
        head: &'static str,
        body: &'static str,
        title: Option<&'static str>,
        authors: &'static [&'static str],
        date: Option<&'static str>,
        source: Option<&'static str>,
        url: Option<&'static str>,
        lang: Option<&'static str>,
    }
    const NONE: Case = Case {
        what: "",
        head: "",
        body: "",
        title: None,
        authors: &[],
        date: None,
        source: None,
        url: None,
        lang: None,
    };
    let cases = [
        Case {
            what: "JSON-LD NewsArticle (entities escaped twice, publisher as source)",
            head: r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Mayor&amp;#8217;s plan","author":{"@type":"Person","name":"Ann Lee"},"datePublished":"2024-03-05T21:30:00-05:00","publisher":{"@type":"Organization","name":"Valley Times"}}</script>"#,
            title: Some("Mayor\u{2019}s plan"),
            authors: &["Ann Lee"],
            date: Some("2024-03-05T21:30:00-05:00"),
            source: Some("Valley Times"),
            ..NONE
        },
        Case {
            what: "JSON-LD of another type with an author (a Recipe)",
            head: r#"<script type="application/ld+json">[{"@type":"WebSite","name":"x"},{"@type":"Recipe","headline":"Mint cookies","author":[{"@type":"Person","name":"Erin Hall"}],"datePublished":"2023-12-22"}]</script>"#,
            title: Some("Mint cookies"),
            authors: &["Erin Hall"],
            date: Some("2023-12-22T00:00:00Z"),
            ..NONE
        },
        Case {
            what: "Open Graph and article: tags",
            head: r#"<meta property="og:title" content="Bridge reopens"><meta property="og:site_name" content="Coast News"><meta property="article:published_time" content="2024-09-02T07:45:00+01:00"><meta property="article:author" content="Bo Chen"><meta property="og:url" content="https://coast.example/bridge">"#,
            title: Some("Bridge reopens"),
            authors: &["Bo Chen"],
            date: Some("2024-09-02T07:45:00+01:00"),
            source: Some("Coast News"),
            url: Some("https://coast.example/bridge"),
            ..NONE
        },
        Case {
            what: "meta properties written with other separators (`article:published:time`, `og:site:name`, `sailthru_author`)",
            head: r#"<meta name="og:site:name" content="Market Daily"><meta name="article:published:time" content="2024-10-23T15:48:15+00:00"><meta name="sailthru_author" content="Ina Berg">"#,
            authors: &["Ina Berg"],
            date: Some("2024-10-23T15:48:15Z"),
            source: Some("Market Daily"),
            ..NONE
        },
        Case {
            what: "<meta name=author|date> in any case, <title> with the site suffix",
            head: r#"<title>Rates rise again - Money Daily</title><meta NAME="Author" content="By Jo Park and Sam Ode"><meta name="DATE" content="2024-01-31">"#,
            title: Some("Rates rise again"),
            authors: &["Jo Park", "Sam Ode"],
            date: Some("2024-01-31T00:00:00Z"),
            ..NONE
        },
        Case {
            what: "<time datetime> and a byline element",
            body: r#"<p class="byline">By <span class="byline__name">Maria Lopez</span> <time datetime="2022-05-06T10:00:00Z">6 May</time></p>"#,
            authors: &["Maria Lopez"],
            date: Some("2022-05-06T10:00:00Z"),
            ..NONE
        },
        Case {
            what: "a byline inside an article whose classes mention comments",
            body: r#"<article class="article-single comments-open"><p class="byline"><a rel="author" href="/author/ft/"><span>Ana Ruiz and Tom Hale, Financial Times</span></a></p></article>"#,
            authors: &["Ana Ruiz", "Tom Hale"],
            ..NONE
        },
        Case {
            what: "a byline written as text under the headline; a photo credit is not one",
            body: r#"<h1>Film opens in Jakarta</h1><div><small>posted on <time datetime="2023-12-19">2023-12-19</time></small> by Rafael Antonio Pineda</div>"#,
            title: Some("Film opens in Jakarta"),
            authors: &["Rafael Antonio Pineda"],
            date: Some("2023-12-19T00:00:00Z"),
            ..NONE
        },
        Case {
            what: "a standfirst ending in `by` and a name is not a byline",
            body: r#"<h1>Floods reach the valley towns</h1><p class="standfirst">Homes were hit by Storm Ciara</p><div>Updated 3 hours ago by Jo Park</div>"#,
            title: Some("Floods reach the valley towns"),
            authors: &["Jo Park"],
            ..NONE
        },
        Case {
            what: "a photo credit under the headline is not a byline",
            body: r#"<h1>Film opens in Jakarta</h1><figure><figcaption>Photo by Ann Lee</figcaption></figure>"#,
            title: Some("Film opens in Jakarta"),
            ..NONE
        },
        Case {
            what: "one JSON-LD person naming several people",
            head: r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":["Ann Lee","Bo Kim"]}}</script>"#,
            authors: &["Ann Lee", "Bo Kim"],
            ..NONE
        },
        Case {
            what: "meta tags naming the JSON-LD author and more: the fuller byline",
            head: r#"<meta name="author" content="Ann Lee,Bo Kim,Cy Young"><script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ann Lee"}}</script>"#,
            authors: &["Ann Lee", "Bo Kim", "Cy Young"],
            ..NONE
        },
        Case {
            what: "meta tags naming someone else do not override JSON-LD",
            head: r#"<meta name="author" content="Bo Kim,Cy Young"><script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ann Lee"}}</script>"#,
            authors: &["Ann Lee"],
            ..NONE
        },
        Case {
            what: "authors the page credits for photographs and styling are not writers",
            head: r#"<meta property="article:author" content="Ann Lee,Bo Kim,Cy Young">"#,
            body: r#"<p>By <a href="/contributor/ann">Ann Lee</a></p><p><span>Photography by </span><a href="/contributor/bo">Bo Kim</a></p><p>Stylist: Cy Young</p>"#,
            authors: &["Ann Lee"],
            ..NONE
        },
        Case {
            what: "words and photos by a writer: a writer still",
            head: r#"<meta name="author" content="Ann Lee, Bo Kim">"#,
            body: r#"<p>Words and photos by Ann Lee</p>"#,
            authors: &["Ann Lee", "Bo Kim"],
            ..NONE
        },
        Case {
            what: "the photographer's credit under a captioned picture is not the byline",
            body: r#"<div><img src="a.jpg" alt="The mayor speaks to residents outside the flooded town hall on Tuesday."><div><span>The mayor speaks to residents.</span><span>By <a href="/writer/1/Bo_Kim/">Bo Kim</a></span></div></div><div><span>By <a href="/writer/2/Ann_Lee/">Ann Lee</a>, Staff Writer</span></div>"#,
            authors: &["Ann Lee"],
            ..NONE
        },
        Case {
            what: "columnists in a menu are not the byline",
            body: r#"<ul><li><a href="/voices/editorials">Editorials</a></li><li><a href="/author/tom-peck">Tom Peck</a></li><li><a href="/author/jo-ma">Jo Ma</a></li></ul>"#,
            ..NONE
        },
        Case {
            what: "a story told to its writer",
            body: r#"<a class="author-name" href="/author/heather-eastman">Amie Mock as told to Heather Eastman</a>"#,
            authors: &["Heather Eastman"],
            ..NONE
        },
        Case {
            what: "a kicker set inside the <h1> is not part of the headline",
            head: r#"<meta property="og:title" content="Film opens in Jakarta this week">"#,
            body: r#"<h1><div class="sub-title">News</div> Film opens in Jakarta this week</h1>"#,
            title: Some("Film opens in Jakarta this week"),
            ..NONE
        },
        Case {
            what: "a date element named by its id",
            body: r#"<dl><dt>Posted</dt><dd id="date_posted">December 13, 2023</dd></dl>"#,
            date: Some("2023-12-13T00:00:00Z"),
            ..NONE
        },
        Case {
            what: "JSON-LD in UTC at the offset the page's <time> shows",
            head: r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-12-23T03:22:07Z"}</script>"#,
            body: r#"<time datetime="2023-12-22T22:22:07-0500">December 22, 2023 10:22PM EST</time>"#,
            date: Some("2023-12-22T22:22:07-05:00"),
            ..NONE
        },
        Case {
            what: "rel=author, itemprop=datePublished on a span",
            body: r#"<a rel="author" href="/p/1">Kim Ode</a> <span itemprop="datePublished" content="2021-07-08">8 July 2021</span>"#,
            authors: &["Kim Ode"],
            date: Some("2021-07-08T00:00:00Z"),
            ..NONE
        },
        Case {
            what: "a link to an author page; related-story authors in an aside are not bylines",
            body: r#"<div>By <a href="/author/ruth-ng">Ruth Ng</a></div><aside class="related"><a href="/author/someone-else">Someone Else</a></aside>"#,
            authors: &["Ruth Ng"],
            ..NONE
        },
        Case {
            what: "canonical URL with the date in its path, <html lang>",
            head: r#"<link rel="canonical" href="https://news.example/2023/12/20/storm-hits/">"#,
            url: Some("https://news.example/2023/12/20/storm-hits/"),
            date: Some("2023-12-20T00:00:00Z"),
            lang: Some("en"),
            ..NONE
        },
        Case {
            what: "the on-page <h1> over a rewritten SEO title",
            head: r#"<meta property="og:title" content="Storm news: dam bursts | Valley">"#,
            body: r#"<h1>Dam bursts after storm, village flooded</h1>"#,
            title: Some("Dam bursts after storm, village flooded"),
            ..NONE
        },
        Case {
            what: "organisations, roles and the site itself are not authors",
            head: r#"<meta property="og:site_name" content="Valley Times"><meta name="author" content="Valley Times Staff, The Associated Press">"#,
            body: r#"<a href="/author/valley-times">Valley Times</a>"#,
            source: Some("Valley Times"),
            ..NONE
        },
    ];
    for c in cases {
        let lang_attr = if c.lang.is_some() { " lang=\"en\"" } else { "" };
        let page = format!(
            "<!doctype html><html{lang_attr}><head>{}</head><body>{}<p>Body text of the article, long enough to be read as a paragraph by the reader.</p></body></html>",
            c.head, c.body
        );
        let a = read_html(&page);
        let what = c.what;
        if c.title.is_some() {
            assert_eq!(a.title.as_deref(), c.title, "title: {what}");
        }
        assert_eq!(a.authors, c.authors, "authors: {what}");
        assert_eq!(a.date.as_deref(), c.date, "date: {what}");
        if c.source.is_some() {
            assert_eq!(a.source.as_deref(), c.source, "source: {what}");
        }
        assert_eq!(a.url.as_deref(), c.url, "url: {what}");
        if c.lang.is_some() {
            assert_eq!(a.lang.as_deref(), c.lang, "lang: {what}");
        }
    }
}

#[test]
fn site_suffix_table() {
    let cases = [
        (
            "Dam bursts | The Valley Times",
            Some("The Valley Times"),
            "Dam bursts",
        ),
        (
            "Dam bursts after a long storm - BBC News",
            None,
            "Dam bursts after a long storm",
        ),
        (
            "Valley Times | Dam bursts after storm",
            Some("Valley Times"),
            "Dam bursts after storm",
        ),
        ("No separator here", None, "No separator here"),
        (
            "College Sports | Five prospects who may be underrated",
            None,
            "Five prospects who may be underrated",
        ),
        (
            "Opinion | Leave child labor laws alone | Editorial",
            None,
            "Leave child labor laws alone",
        ),
        // Only a bar parts a section before the headline: a dash may be a speaker's.
        (
            "Larry Merchant - I'm not watching Floyd fight again",
            None,
            "Larry Merchant - I'm not watching Floyd fight again",
        ),
        (
            "NASA beams a cat video from deep space (video)",
            None,
            "NASA beams a cat video from deep space",
        ),
        (
            "Storm hits the coast [PHOTOS]",
            None,
            "Storm hits the coast",
        ),
    ];
    for (t, site, want) in cases {
        assert_eq!(strip_site_suffix(t, site), want);
    }
    // A title of thousands of bars overflowed the stack when each part was stripped
    // by a call of its own: a few passes, then it stands.
    let head = "A long headline with many words here";
    let bars = format!("{head}{}", " | x".repeat(20_000));
    let want = format!("{head}{}", " | x".repeat(19_997));
    assert_eq!(strip_site_suffix(&bars, None), want);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let html = format!(
        "{}<p>deep text</p>{}",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    let a = read_html(&html);
    assert!(a.body.contains("deep text"));
}

/// A page listing 20,000 author links took 43 s (each link compared with every name
/// taken and every link of its list): the byline stops at its names, and a list is
/// read once.
#[test]
fn a_page_listing_twenty_thousand_authors_is_read_in_linear_time() {
    let name = |i: usize| -> String {
        let letters: String = (0..4)
            .map(|k| (b'a' + (i / 26usize.pow(k) % 26) as u8) as char)
            .collect();
        format!("Person {}{letters}", (b'A' + (i % 26) as u8) as char)
    };
    let items: String = (0..20_000)
        .map(|i| format!(r#"<li><a href="/author/p{i}">{}</a></li>"#, name(i)))
        .collect();
    let html = format!(
        "<html><body><h1>Story title here</h1><ul>{items}</ul><p>Body text of the article, long enough to be read as a paragraph.</p></body></html>"
    );
    let started = std::time::Instant::now();
    let a = read_html(&html);
    assert_eq!(a.authors, (0..4).map(name).collect::<Vec<_>>());
    // Generous for a debug build on a busy machine; it was 43 s in a release build.
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}
