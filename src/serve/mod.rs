//! Front end beside the command line: `newsidx serve`, the index over HTTP. A read-only
//! JSON API under `/api/` (the field names of `search --json`) and a search page, both
//! served by this binary (the page's three files are compiled in). It sits at the end of
//! the pipeline, beside [`crate::output`]: it calls [`crate::search`] and serialises what
//! comes back; it never writes the index and never reads a file outside it.
//!
//! Searches run on the runtime's threads, at most [`ServeOptions::workers`] at once (more
//! wait for a turn, up to the timeout; one thread more keeps answering the rest), all
//! sharing one [`NewsSearcher`] per commit:
//! a commit made by a later `newsidx index` is seen within about a second (tantivy's
//! reader watches the index's `meta.json`), and requests never reopen the index.

mod api;

use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, Result};
use axum::http::HeaderValue;
use axum::serve::ListenerExt;
use tantivy::{IndexReader, ReloadPolicy};

use crate::index::stats::Stats;
use crate::index::NewsIndex;
use crate::search::NewsSearcher;

/// How `newsidx serve` listens and bounds its work.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to bind; 127.0.0.1 unless the user says otherwise.
    pub addr: IpAddr,
    /// Port; 0 picks a free one (tests).
    pub port: u16,
    /// An origin allowed to call the API from its pages (CORS); none by default.
    pub cors: Option<String>,
    /// Searches run at once; more wait for a turn.
    pub workers: usize,
    /// Longest a request waits for its turn before it is answered 503.
    pub timeout: Duration,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            addr: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 7700,
            cors: None,
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
            timeout: Duration::from_secs(10),
        }
    }
}

/// What every request shares: the index, its reader, and the searcher of the last commit.
struct Shared {
    index: &'static NewsIndex,
    reader: IndexReader,
    /// The searcher of the commit last seen, with that commit's generation.
    current: Mutex<(u64, Arc<NewsSearcher<'static>>)>,
    /// `stats` of the commit last asked about (reading the manifest is not free).
    stats: Mutex<Option<(u64, Arc<Stats>)>>,
    permits: tokio::sync::Semaphore,
    timeout: Duration,
    cors: Option<HeaderValue>,
}

impl Shared {
    /// The searcher of the newest commit the reader has seen (made once per commit).
    fn searcher(&self) -> crate::Result<Arc<NewsSearcher<'static>>> {
        let searcher = self.reader.searcher();
        let generation = searcher.generation().generation_id();
        let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        if current.0 != generation {
            *current = (
                generation,
                Arc::new(NewsSearcher::with_searcher(self.index, searcher)?),
            );
        }
        Ok(Arc::clone(&current.1))
    }

    /// What `newsidx stats` says of the newest commit, read once per commit.
    fn stats(&self) -> crate::Result<Arc<Stats>> {
        let generation = self.reader.searcher().generation().generation_id();
        let mut cached = self.stats.lock().unwrap_or_else(|e| e.into_inner());
        match &*cached {
            Some((g, stats)) if *g == generation => Ok(Arc::clone(stats)),
            _ => {
                let stats = Arc::new(self.index.stats()?);
                *cached = Some((generation, Arc::clone(&stats)));
                Ok(stats)
            }
        }
    }
}

/// Whether `s` is one web origin as browsers send it: `http` or `https`, a host, an
/// optional port, nothing after (`*`, lists, paths and `null` are refused).
fn is_origin(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => (h, Some(p)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && (host.starts_with('[') && host.ends_with(']')
            || host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-')));
    host_ok && port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok())
}

/// How long requests under way may take to finish once the server is told to stop.
const GRACE: Duration = Duration::from_secs(3);

/// A bound server, not yet answering.
pub struct Server {
    runtime: tokio::runtime::Runtime,
    listener: tokio::net::TcpListener,
    router: axum::Router,
    addr: SocketAddr,
    documents: u64,
}

impl Server {
    /// Binds the address and prepares to serve `index`. The index lives as long as the
    /// process from here on (a server serves one index until the process ends).
    pub fn bind(index: NewsIndex, opts: &ServeOptions) -> Result<Server> {
        let cors = match &opts.cors {
            Some(origin) if is_origin(origin) => Some(HeaderValue::from_str(origin)?),
            Some(origin) => anyhow::bail!(
                "--cors {origin:?}: not an origin; give one, as a browser sends it: scheme, host and port if any, no path (https://example.org, http://localhost:3000)"
            ),
            None => None,
        };
        let index: &'static NewsIndex = Box::leak(Box::new(index));
        let reader = index
            .tantivy()
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| crate::Error::tantivy(index.dir(), e))?;
        let first = Arc::new(NewsSearcher::with_searcher(index, reader.searcher())?);
        let generation = reader.searcher().generation().generation_id();
        let workers = opts.workers.max(1);
        let shared = Arc::new(Shared {
            index,
            reader,
            current: Mutex::new((generation, first)),
            stats: Mutex::new(None),
            permits: tokio::sync::Semaphore::new(workers),
            timeout: opts.timeout,
            cors,
        });
        let documents = shared.reader.searcher().num_docs();
        // One thread more than searches may run at once: while every turn is taken, one
        // thread still accepts connections, serves the page and answers 503 in time.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers + 1)
            .enable_io()
            .enable_time()
            .build()
            .context("starting the server's runtime")?;
        let at = SocketAddr::new(opts.addr, opts.port);
        let std_listener =
            std::net::TcpListener::bind(at).with_context(|| format!("listening on {at}"))?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        let listener = {
            let _in_runtime = runtime.enter();
            tokio::net::TcpListener::from_std(std_listener)?
        };
        Ok(Server {
            runtime,
            listener,
            router: api::router(shared),
            addr,
            documents,
        })
    }

    /// The address it listens on (with the port chosen when 0 was asked).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Articles in the index it serves (at its last commit).
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// Answers requests until `shutdown` completes, then finishes the requests under way.
    pub fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> Result<()> {
        let Server {
            runtime,
            listener,
            router,
            ..
        } = self;
        runtime
            .block_on(async move {
                // Answers go out at once (no Nagle delay waiting on the client's ACK).
                let listener = listener.tap_io(|tcp| {
                    let _ = tcp.set_nodelay(true);
                });
                // Once told to stop, requests under way have GRACE to finish; a client
                // that never ends its request does not keep the server up.
                let stop = Arc::new(tokio::sync::Notify::new());
                let told = Arc::clone(&stop);
                tokio::spawn(async move {
                    shutdown.await;
                    told.notify_waiters();
                    told.notify_one();
                });
                let graceful = Arc::clone(&stop);
                let serving = axum::serve(listener, router)
                    .with_graceful_shutdown(async move { graceful.notified().await });
                tokio::select! {
                    served = serving => served,
                    _ = async {
                        stop.notified().await;
                        tokio::time::sleep(GRACE).await;
                    } => Ok(()),
                }
            })
            .context("serving")?;
        runtime.shutdown_timeout(Duration::from_secs(1));
        Ok(())
    }

    /// Answers requests until Ctrl-C (SIGINT).
    pub fn run_until_ctrl_c(self) -> Result<()> {
        self.run_until(async {
            // If no handler can be installed, serve until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
    }

    /// Answers requests on a thread of its own until the returned handle is stopped or
    /// dropped (tests, benchmarks).
    pub fn spawn(self) -> Running {
        let addr = self.addr;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            self.run_until(async {
                let _ = stopped.await;
            })
        });
        Running {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

/// A server answering on its own thread; stops when dropped.
pub struct Running {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<Result<()>>>,
}

impl Running {
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The base URL, `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops it and waits for it to finish; the error it stopped with, if any.
    pub fn stop(mut self) -> Result<()> {
        self.finish()
    }

    fn finish(&mut self) -> Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.thread.take().map(|t| t.join()) {
            Some(Ok(result)) => result,
            Some(Err(_)) => anyhow::bail!("the server thread panicked"),
            None => Ok(()),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn origins_are_what_browsers_send() {
        for ok in [
            "https://example.org",
            "http://localhost:3000",
            "http://127.0.0.1:8080",
            "https://[::1]:8443",
        ] {
            assert!(super::is_origin(ok), "{ok}");
        }
        for bad in [
            "*",
            "null",
            "foo",
            "https://a.org/",
            "https://a.org, https://b.org",
            "ftp://a.org",
            "https://",
            "http://a.org:99999",
            "http://a.org:",
        ] {
            assert!(!super::is_origin(bad), "{bad}");
        }
    }
}
