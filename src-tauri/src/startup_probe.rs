//! Start-up timing for scripts/measure-startup.sh: with `MAARID_STARTUP_PROBE=1`, the
//! app prints one line when the UI reports its first screen drawn.

use std::io::Write;
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: OnceLock<()> = OnceLock::new();

pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

pub fn ui_ready() {
    if std::env::var_os("MAARID_STARTUP_PROBE").is_none() || REPORTED.set(()).is_err() {
        return;
    }
    let in_process = STARTED.get().map(|t| t.elapsed().as_millis()).unwrap_or(0);
    let epoch_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "MAARID_READY in_process_ms={in_process} epoch_ms={epoch_ms} pid={}",
        std::process::id()
    );
    let _ = out.flush();
}
