//! Crashes and concurrency. `index` killed (SIGKILL, and SIGINT as Ctrl-C) at
//! spread-out moments: the index always opens and searches, the next run completes, and
//! the result equals a clean run, no article twice. A second `index` fails fast while
//! one runs, and `search` meanwhile sees the last commit.
#![cfg(unix)]

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use newsidx::app::Stats;

/// The two tests run one after the other: timing kills while another test indexes 3,000
/// files on the same cores would aim them at the wrong moments.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn bin() -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsidx"));
    c.env_remove("NEWSIDX_INDEX").env("NO_COLOR", "1");
    c
}

/// `n` articles in nested folders, each with its own word `zqartN` and the word `common`.
fn corpus(dir: &Path, n: usize) {
    let para = "Officials said on Tuesday that the talks would go on into the night, \
        as negotiators from both sides met in the capital to discuss the terms of a \
        ceasefire, the exchange of prisoners and the return of displaced families.";
    for i in 0..n {
        let sub = dir.join(format!("d{}/e{}", i % 7, i % 3));
        std::fs::create_dir_all(&sub).unwrap();
        let text = format!("Article {i}\n\nThe zqart{i} common story. {para}\n\n{para}\n");
        std::fs::write(sub.join(format!("a{i}.txt")), text).unwrap();
    }
}

fn stats(index: &Path) -> Option<Stats> {
    let out = bin()
        .args(["stats", "--json", "--index"])
        .arg(index)
        .output()
        .unwrap();
    out.status
        .success()
        .then(|| serde_json::from_slice(&out.stdout).unwrap())
}

fn count(index: &Path, query: &str) -> (Option<i32>, u64) {
    let out = bin()
        .args([
            "search",
            query,
            "--count",
            "--no-collapse",
            "--no-update",
            "--index",
        ])
        .arg(index)
        .output()
        .unwrap();
    let n = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(0);
    (out.status.code(), n)
}

fn start_index(corpus: &Path, index: &Path) -> Child {
    bin()
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn signal(child: &Child, sig: &str) {
    let _ = std::process::Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status();
}

#[test]
fn killed_index_runs_leave_a_usable_index_and_the_next_run_equals_a_clean_one() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    const N: usize = 400;
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("news");
    corpus(&docs, N);

    // A clean run, timed, for the reference and for where to aim the kills.
    let clean = tmp.path().join("clean-index");
    let t = Instant::now();
    let status = start_index(&docs, &clean).wait().unwrap();
    assert!(status.success());
    let span = t.elapsed();
    let want = stats(&clean).unwrap().documents;
    assert_eq!(want, N as u64);

    let index = tmp.path().join("index");
    // Spread-out moments over the run (deterministic: an LCG with a fixed seed).
    let mut seed: u64 = 0x5eed;
    let mut kills = 0;
    let mut rounds = 0;
    // Until ten runs were interrupted: --rebuild runs (which re-read everything and must
    // leave the old commit intact) and, every fourth round, plain updates of the files
    // changed since. A rebuild that ended before its signal shows the run is shorter than
    // aimed for (a busy machine timed the clean run): later kills aim earlier.
    let mut aim = span;
    for round in 0..60 {
        if kills >= 10 {
            break;
        }
        rounds = round + 1;
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let at = aim.mul_f64((seed >> 33) as f64 / (1u64 << 31) as f64);
        // Change a few files between rounds so that updates are interrupted too.
        if round > 0 {
            for k in 0..5 {
                let i = (round * 31 + k * 7) % N;
                let p = docs.join(format!("d{}/e{}/a{i}.txt", i % 7, i % 3));
                let text = std::fs::read_to_string(&p).unwrap();
                std::fs::write(&p, format!("{text}\nUpdated in round zqround{round}.\n")).unwrap();
            }
        }
        let rebuild = round % 4 != 0;
        let mut child = if rebuild {
            let mut c = bin();
            c.arg("index")
                .arg(&docs)
                .arg("--index")
                .arg(&index)
                .arg("--rebuild");
            c.stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        } else {
            start_index(&docs, &index)
        };
        std::thread::sleep(at);
        let sig = if round % 3 == 2 { "-INT" } else { "-KILL" };
        signal(&child, sig);
        let status = child.wait().unwrap();
        if !status.success() {
            kills += 1;
        } else if rebuild {
            aim = at.mul_f64(0.9);
        }
        // The index, when one exists, opens and searches.
        if index.join("meta.json").exists() {
            let s = stats(&index).unwrap_or_else(|| panic!("round {round}: index does not open"));
            assert!(
                s.documents <= N as u64,
                "round {round}: {} documents",
                s.documents
            );
            let (code, _) = count(&index, "common");
            assert!(
                matches!(code, Some(0) | Some(1)),
                "round {round}: search exit {code:?}"
            );
        }
    }
    eprintln!("{kills} of {rounds} index runs were interrupted");
    assert!(
        kills >= 10,
        "only {kills} of {rounds} runs were interrupted"
    );

    // The next run completes and equals a clean run of the same files.
    let status = start_index(&docs, &index).wait().unwrap();
    assert!(status.success());
    let reference = tmp.path().join("reference-index");
    assert!(start_index(&docs, &reference).wait().unwrap().success());
    let got = stats(&index).unwrap();
    assert_eq!(got.documents, N as u64, "no article lost or doubled");
    assert_eq!(count(&index, "common"), (Some(0), N as u64));
    for round in 1..rounds {
        let word = format!("zqround{round}");
        assert_eq!(
            count(&index, &word).1,
            count(&reference, &word).1,
            "{word}: updates interrupted by a kill are applied by the next run"
        );
    }
}

#[test]
fn second_index_fails_fast_and_search_sees_the_last_commit_meanwhile() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let tmp = tempfile::tempdir().unwrap();
    let docs = tmp.path().join("news");
    corpus(&docs, 20);
    let index = tmp.path().join("index");
    assert!(start_index(&docs, &index).wait().unwrap().success());
    let before = stats(&index).unwrap().documents;
    assert_eq!(before, 20);
    // A bigger batch so that the writer is held for seconds. The first run takes the
    // lock right after its walk (a stat of each file, milliseconds); tantivy's lock
    // file stays on disk between runs, so time is the only outside sign of it.
    corpus(&docs.join("more"), 6000);

    let mut first = start_index(&docs, &index);
    std::thread::sleep(Duration::from_millis(400));

    let t = Instant::now();
    let second = bin()
        .arg("index")
        .arg(&docs)
        .arg("--index")
        .arg(&index)
        .output()
        .unwrap();
    let waited = t.elapsed();
    // The search before the check that the first run is still on: it ran during the run.
    let (code, n) = count(&index, "common");
    let still_running = first.try_wait().unwrap().is_none();
    let first_done = first.wait_with_output().unwrap();
    assert!(
        first_done.status.success(),
        "{}",
        String::from_utf8_lossy(&first_done.stderr)
    );
    assert!(
        still_running,
        "the first run ended before the checks; make the batch bigger"
    );
    assert_eq!(second.status.code(), Some(2));
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(
        err.contains("being updated by another newsidx process"),
        "{err}"
    );
    assert!(
        waited < Duration::from_secs(10),
        "the second run waited {waited:?}"
    );
    // Search during the run: the last commit (the first 20 articles).
    assert_eq!((code, n), (Some(0), before));
    assert_eq!(stats(&index).unwrap().documents, 6020);
}
