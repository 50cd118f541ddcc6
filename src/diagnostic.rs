//! How diagnostics are rendered, and the exit codes of every command.

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

/// Exit codes (the linter conventions of actionlint and shellcheck).
pub mod exit {
    /// Success / no findings.
    pub const OK: u8 = 0;
    /// Findings, a failed script, a failed pipeline.
    pub const FAILURE: u8 = 1;
    /// Bad command-line usage (clap exits with 2 too).
    pub const USAGE: u8 = 2;
    /// An I/O or internal error.
    pub const IO: u8 = 3;
    /// Interrupted by Ctrl-C (128 + SIGINT).
    pub const INTERRUPTED: u8 = 130;
}

/// Installs the miette handler used for stderr reports.
pub fn install_handler(color: bool) {
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(
            miette::MietteHandlerOpts::new()
                .color(color)
                .terminal_links(false)
                .context_lines(2)
                .build(),
        )
    }));
}

/// Renders a diagnostic as plain text (no color, fixed width): used by tests and snapshots.
pub fn render_plain(diag: &dyn Diagnostic) -> String {
    let mut out = String::new();
    let handler =
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor()).with_width(100);
    if handler.render_report(&mut out, diag).is_err() {
        out = diag.to_string();
    }
    out
}

/// Prints a diagnostic to stderr through the installed handler.
pub fn eprint(diag: impl Diagnostic + Send + Sync + 'static) {
    let report = miette::Report::new(diag);
    eprintln!("{report:?}");
}
