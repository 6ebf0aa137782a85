//! `newsidx serve`'s page in a real browser: headless Chromium driven by ChromeDriver
//! (W3C WebDriver over HTTP). `.ci/run` installs both (Debian's `chromium` and
//! `chromium-driver`); with `CI=true` a missing browser fails the test, elsewhere it is a
//! visible skip. `NEWSIDX_CHROMIUM` and `NEWSIDX_CHROMEDRIVER` name other binaries.

mod common;

use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::http::{agent, delete, get, post_json};
use common::serve::{indexed_corpus, serve};
use newsidx::serve::ServeOptions;
use serde_json::{json, Value};

/// The key of an element reference in WebDriver answers.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn binary(env: &str, default: &str) -> Option<PathBuf> {
    let path = PathBuf::from(std::env::var(env).unwrap_or_else(|_| default.to_string()));
    if path.exists() {
        return Some(path);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "CI=true but {} is missing (apt-get install chromium chromium-driver)",
            path.display()
        );
    }
    eprintln!(
        "SKIPPED: {} is missing (apt-get install chromium chromium-driver)",
        path.display()
    );
    None
}

/// ChromeDriver on a free port, with one headless Chromium session.
struct Browser {
    driver: Child,
    base: String,
    session: String,
    agent: ureq::Agent,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start(chromium: &std::path::Path, chromedriver: &std::path::Path) -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = std::process::Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let agent = agent();
        let deadline = Instant::now() + Duration::from_secs(20);
        while agent
            .get(format!("{base}/status"))
            .call()
            .ok()
            .filter(|r| r.status() == 200)
            .is_none()
        {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--window-size=1280,900".into(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let answer = post_json(
            &agent,
            &format!("{base}/session"),
            &json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {"binary": chromium, "args": args}
            }}}),
        );
        assert_eq!(answer.status, 200, "new session: {}", answer.body);
        let session = answer.json()["value"]["sessionId"]
            .as_str()
            .unwrap()
            .to_string();
        Browser {
            driver,
            base,
            session,
            agent,
            _profile: profile,
        }
    }

    fn command(&self, path: &str, body: Value) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let answer = post_json(&self.agent, &url, &body);
        assert_eq!(answer.status, 200, "{path}: {}", answer.body);
        answer.json()["value"].clone()
    }

    fn go(&self, url: &str) {
        self.command("/url", json!({ "url": url }));
    }

    /// Runs `script` (a function body) in the page and returns what it returns.
    fn eval(&self, script: &str) -> Value {
        self.command("/execute/sync", json!({"script": script, "args": []}))
    }

    /// Waits until `script` returns true; fails the test, with `what`, after 10 s.
    fn wait(&self, what: &str, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.eval(script) != json!(true) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; page text: {}",
                self.eval("return document.body.innerText")
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Clicks (as a user does) the element `script` returns.
    fn click(&self, script: &str) {
        let element = self.eval(script);
        let id = element[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element from {script}: {element}"));
        self.command(&format!("/element/{id}/click"), json!({}));
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        let script = format!(
            "return [...document.querySelectorAll({})].map(e => e.textContent)",
            json!(selector)
        );
        serde_json::from_value(self.eval(&script)).unwrap()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = delete(
            &self.agent,
            &format!("{}/session/{}", self.base, self.session),
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

#[test]
fn the_page_searches_narrows_by_facet_opens_articles_and_shows_markup_as_text() {
    let Some(chromium) = binary("NEWSIDX_CHROMIUM", "/usr/bin/chromium") else {
        return;
    };
    let Some(chromedriver) = binary("NEWSIDX_CHROMEDRIVER", "/usr/bin/chromedriver") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let corpus = indexed_corpus(tmp.path());
    let server = serve(&corpus, ServeOptions::default());
    let site = server.url();
    assert_eq!(get(&agent(), &format!("{site}/")).status, 200);
    let b = Browser::start(&chromium, &chromedriver);

    // A search from the URL: both hits, highlighted snippets, the count.
    b.go(&format!("{site}/?q=Sudzha"));
    b.wait(
        "two hits",
        "return document.querySelectorAll('#hits li.hit').length === 2",
    );
    let titles = b.texts("#hits li.hit a.title");
    assert!(
        titles.contains(&"Kursk fighting intensifies around Sudzha".to_string()),
        "{titles:?}"
    );
    assert!(b
        .texts("#hits li.hit p.snippet mark")
        .iter()
        .all(|m| m == "Sudzha"));
    assert_eq!(b.texts("#summary"), ["2 articles"]);
    assert_eq!(
        b.eval("return document.getElementById('q').value"),
        "Sudzha"
    );

    // A facet value, clicked, narrows the hits and says so in the URL and the box.
    b.click(
        "return [...document.querySelectorAll('section.facet[data-facet=author] a.facet-value')]\
         .find(a => a.textContent.includes('Olena Marchenko'))",
    );
    b.wait(
        "one hit",
        "return document.querySelectorAll('#hits li.hit').length === 1",
    );
    assert_eq!(
        b.texts("#hits li.hit a.title"),
        ["Kursk fighting intensifies around Sudzha"]
    );
    assert_eq!(b.texts("#filters a.filter"), ["author: Olena Marchenko ×"]);
    assert_eq!(
        b.eval("return document.getElementById('q').value"),
        "Sudzha"
    );
    let search = b.eval("return new URLSearchParams(location.search).get('author')");
    assert_eq!(search, "Olena Marchenko");
    // The filter's chip, clicked, takes it off again.
    b.click("return document.querySelector('#filters a.filter')");
    b.wait(
        "two hits again",
        "return document.querySelectorAll('#hits li.hit').length === 2",
    );
    assert_eq!(b.texts("#filters a.filter").len(), 0);

    // Peskov's quote is shown with the hit whose quote matches, and with its article.
    b.go(&format!("{site}/?q=impossible"));
    b.wait(
        "a quote",
        "return document.querySelectorAll('#hits blockquote.quote').length > 0",
    );
    let quote = b.texts("#hits blockquote.quote").join(" ");
    assert!(
        quote.contains("This is impossible") && quote.contains("Dmitry Peskov"),
        "{quote}"
    );
    b.click("return document.querySelector('#hits li.hit a.title')");
    b.wait(
        "the article",
        "return !!document.querySelector('article#article h1')",
    );
    let quotes = b
        .texts("article#article section.quotes blockquote.quote")
        .join(" ");
    assert!(
        quotes.contains("Dmitry Peskov") && quotes.contains("Volodymyr Zelenskyy"),
        "{quotes}"
    );
    assert!(b.texts("article#article div.body p").len() > 3);

    // Markup stored in an article is shown as text, in hits and in the article.
    b.go(&format!("{site}/?q=zanzibarite"));
    b.wait(
        "the markup hit",
        "return document.querySelectorAll('#hits li.hit').length === 1",
    );
    let snippet = b.texts("#hits li.hit p.snippet").join(" ");
    assert!(
        snippet.contains("<script>document.title=\"pwned\""),
        "{snippet}"
    );
    assert!(snippet.contains("<b>bold</b>"), "{snippet}");
    b.click("return document.querySelector('#hits li.hit a.title')");
    b.wait(
        "the article",
        "return !!document.querySelector('article#article h1')",
    );
    let body = b.texts("article#article div.body p").join(" ");
    assert!(body.contains("<script>document.title"), "{body}");
    assert_eq!(b.eval("return document.querySelectorAll('main script, aside script, article script, main b').length"), 0);
    assert_eq!(
        b.eval("return window.pwned === undefined && document.title !== 'pwned'"),
        true
    );

    // A bad query shows the error, the caret under its position, and the hint.
    b.go(&format!("{site}/?q=Kursk%20AND"));
    b.wait(
        "the error",
        "return !document.getElementById('error').hidden",
    );
    let error = b.texts("#error").join(" ");
    assert!(
        error.contains("AND") && error.contains("Kursk AND Sudzha"),
        "{error}"
    );
    let caret = b.texts("#error pre.caret").join("");
    let marker = caret.lines().nth(1).unwrap_or_default();
    assert_eq!(marker.find('^'), Some(6), "{caret:?}");
    assert_eq!(b.texts("#hits li.hit").len(), 0);
    // With a filter the caret still points into the words typed.
    b.go(&format!("{site}/?q=Kursk%20AND&author=Olena%20Marchenko"));
    b.wait(
        "the error",
        "return !document.getElementById('error').hidden",
    );
    let caret = b.texts("#error pre.caret").join("");
    assert_eq!(
        caret.lines().nth(1).unwrap_or_default().find('^'),
        Some(6),
        "{caret:?}"
    );
}
