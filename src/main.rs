//! The `newsidx` binary: parse the command line, run, print the error chain, exit.
//! Exit codes: 0 success (search: hits), 1 search found nothing, 2 error.
//! A closed pipe (`newsidx search x | head`) is not an error.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use newsidx::app::{self, Outcome};

fn main() -> ExitCode {
    let command = cli::Cli::parse().into_command();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let result = app::run(command, &mut out, &mut err).and_then(|o| {
        out.flush()?;
        Ok(o)
    });
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::NoHits) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "newsidx: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
