//! A server over a copy of the bundled corpus, for the API and browser tests.

use std::path::{Path, PathBuf};

use newsidx::index::NewsIndex;
use newsidx::serve::{Running, ServeOptions, Server};

/// An article whose text holds markup, as scraped pages do: the page must show it as text.
pub const MARKUP_ARTICLE: &str = "A page that quoted markup zanzibarite\n\n\
By Hannah Morrow\n\n\
The scraped page showed <script>document.title=\"pwned\";window.pwned=1</script> and \
<b>bold</b> in its text about zanzibarite.\n\n\
\"We never run <script> from an article,\" said Maria Lopez, the editor.\n";

/// Copies the bundled corpus into `tmp/corpus`, adds [`MARKUP_ARTICLE`] as `markup.txt`,
/// and indexes it with the binary; the corpus folder.
pub fn indexed_corpus(tmp: &Path) -> PathBuf {
    let corpus = tmp.join("corpus");
    super::copy_tree(&super::corpus(), &corpus);
    std::fs::write(corpus.join("markup.txt"), MARKUP_ARTICLE).unwrap();
    super::stdout_of_success(
        super::newsidx()
            .args(["index"])
            .arg(&corpus)
            .output()
            .unwrap(),
    );
    corpus
}

/// Serves the index of `corpus` on a free port of 127.0.0.1.
pub fn serve(corpus: &Path, options: ServeOptions) -> Running {
    let index = NewsIndex::open(&corpus.join(".newsidx")).unwrap();
    Server::bind(index, &ServeOptions { port: 0, ..options })
        .unwrap()
        .spawn()
}

/// The bundled corpus with [`MARKUP_ARTICLE`], indexed in a temporary folder and served
/// with the default options; stopped and removed when dropped.
pub struct Served {
    pub server: Running,
    pub corpus: PathBuf,
    _tmp: tempfile::TempDir,
}

impl Served {
    pub fn new() -> Served {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = indexed_corpus(tmp.path());
        Served {
            server: serve(&corpus, ServeOptions::default()),
            corpus,
            _tmp: tmp,
        }
    }

    /// The server's URL of `path` (`/api/stats`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url())
    }
}
