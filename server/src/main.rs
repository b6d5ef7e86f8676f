//! `evidence-server`: serve | validate DIR | export-static OUT.

fn main() -> std::process::ExitCode {
    evidence_server::cli::main(std::env::args().skip(1).collect())
}
