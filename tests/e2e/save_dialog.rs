//! Answers the app's native "Save" dialog (a GTK file chooser under Xvfb) as a person
//! would: waits for the new window on the app's display, gives it the keyboard, types
//! the path into its name field and presses Enter. Uses `xdotool` (Debian package
//! `xdotool`, installed by .ci/run) on the app's own DISPLAY and XAUTHORITY, read from
//! /proc because xvfb-run picks them for the driver's process tree only.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Screen {
    env: Vec<(String, String)>,
    pid: String,
}

/// `KEY=value` pairs of a process's environment.
fn environ(pid: &str) -> Vec<(String, String)> {
    std::fs::read(format!("/proc/{pid}/environ"))
        .unwrap_or_default()
        .split(|b| *b == 0)
        .filter_map(|kv| {
            let kv = String::from_utf8_lossy(kv);
            let (k, v) = kv.split_once('=')?;
            Some((k.to_string(), v.to_string()))
        })
        .collect()
}

impl Screen {
    /// The display of the app process started on `db_path` (its command line names it).
    pub fn of_app(db_path: &Path) -> Screen {
        let db = db_path.to_string_lossy().into_owned();
        let pid = std::fs::read_dir("/proc")
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|p| p.chars().all(|c| c.is_ascii_digit()))
            .find(|p| {
                let cmd = std::fs::read(format!("/proc/{p}/cmdline")).unwrap_or_default();
                let args: Vec<String> = cmd
                    .split(|b| *b == 0)
                    .map(|a| String::from_utf8_lossy(a).into_owned())
                    .collect();
                args.first().is_some_and(|a| a.ends_with("/maarid")) && args.contains(&db)
            })
            .expect("the app process on this test's database");
        let env = environ(&pid)
            .into_iter()
            .filter(|(k, _)| k == "DISPLAY" || k == "XAUTHORITY")
            .collect::<Vec<_>>();
        assert!(
            env.iter().any(|(k, _)| k == "DISPLAY"),
            "the app has no DISPLAY"
        );
        Screen { env, pid }
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new("xdotool")
            .args(args)
            .env_clear()
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .output()
            .expect("xdotool (apt-get install xdotool; .ci/run installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The app's windows that are on screen now.
    pub fn windows(&self) -> Vec<String> {
        self.xdotool(&["search", "--onlyvisible", "--pid", &self.pid])
            .split_whitespace()
            .map(str::to_string)
            .collect()
    }

    /// Waits for a window that was not in `before` and gives it the keyboard.
    async fn new_window(&self, before: &[String]) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        let window = loop {
            if let Some(w) = self.windows().into_iter().find(|w| !before.contains(w)) {
                break w;
            }
            assert!(Instant::now() < deadline, "no new dialog appeared");
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        // GTK draws a dialog's parts after mapping it; let it settle.
        tokio::time::sleep(Duration::from_millis(800)).await;
        self.xdotool(&["windowfocus", "--sync", &window]);
        window
    }

    /// Presses `key` in the next new window (a message dialog).
    pub async fn answer_next(&self, before: &[String], key: &str) {
        self.new_window(before).await;
        self.xdotool(&["key", "--clearmodifiers", key]);
    }

    /// Waits for the file chooser (a window not in `before`), types `path` over the
    /// suggested name and presses Enter. Returns the chooser's title.
    pub async fn save_as(&self, before: &[String], path: &Path) -> String {
        let chooser = self.new_window(before).await;
        let title = self
            .xdotool(&["getwindowname", &chooser])
            .trim()
            .to_string();
        self.xdotool(&["key", "--clearmodifiers", "ctrl+a"]);
        self.xdotool(&[
            "type",
            "--delay",
            "15",
            "--clearmodifiers",
            &path.to_string_lossy(),
        ]);
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.xdotool(&["key", "--clearmodifiers", "Return"]);
        title
    }
}
