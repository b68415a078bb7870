//! Starts the real app under WebDriver: `tauri-driver` (with Debian's WebKitWebDriver)
//! inside `xvfb-run` and `dbus-run-session`, with XDG folders in a temp dir so a run
//! touches nothing of the user's. One app per test; tests take turns (see `exclusive`).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub struct App {
    pub client: Client,
    driver: Option<Child>,
    /// Holds the temp folder (database, XDG dirs, driver log) until the app is gone.
    _dir: tempfile::TempDir,
    pub db_path: PathBuf,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn need(tool: &str) -> PathBuf {
    which(tool).unwrap_or_else(|| {
        panic!("end-to-end tests need `{tool}` on PATH (bash .ci/run installs it; see README)")
    })
}

fn which(tool: &str) -> Option<PathBuf> {
    let home_bin = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin"));
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(home_bin)
        .map(|d| d.join(tool))
        .find(|p| p.is_file())
}

/// Serialises the tests of this binary: two WebKit apps at once on two cores only make
/// each other slow and flaky.
pub async fn exclusive() -> tokio::sync::MutexGuard<'static, ()> {
    // tokio's Mutex works across the per-test runtimes and is not poisoned when a
    // test fails, so the next test still runs.
    static LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    LOCK.lock().await
}

/// Fails a test that runs for more than three minutes (a hung WebDriver call would
/// otherwise hold CI until its own limit).
pub async fn within<F: std::future::Future>(test: F) -> F::Output {
    tokio::time::timeout(Duration::from_secs(180), test)
        .await
        .expect("end-to-end test took over 3 minutes")
}

impl App {
    /// Launches the app on `db_path` (a fresh file if it does not exist yet).
    pub async fn launch_with(dir: tempfile::TempDir, db_path: PathBuf) -> App {
        App::launch_with_env(dir, db_path, &[]).await
    }

    /// As `launch_with`, with more environment for the driver and the app (e.g. a
    /// PATH whose `xdg-open` records what the app asked the system to open).
    pub async fn launch_with_env(
        dir: tempfile::TempDir,
        db_path: PathBuf,
        env: &[(&str, std::ffi::OsString)],
    ) -> App {
        App::launch_in_session(dir, db_path, env, None).await
    }

    /// As `launch_with_env`, running the shell script `prelude` first inside the
    /// test's D-Bus session and virtual display (with DBUS_SESSION_BUS_ADDRESS and
    /// DISPLAY set), e.g. to start a notification server there.
    pub async fn launch_in_session(
        dir: tempfile::TempDir,
        db_path: PathBuf,
        env: &[(&str, std::ffi::OsString)],
        prelude: Option<&str>,
    ) -> App {
        let app = PathBuf::from(env!("CARGO_BIN_EXE_maarid"));
        let (port, native_port) = (free_port(), free_port());
        let xdg = dir.path().join("xdg");
        for sub in ["data", "config", "cache", "runtime"] {
            std::fs::create_dir_all(xdg.join(sub)).unwrap();
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(xdg.join("runtime"), std::fs::Permissions::from_mode(0o700))
                .unwrap();
        }
        let mut cmd = Command::new(need("dbus-run-session"));
        cmd.arg("--")
            .arg(need("xvfb-run"))
            .args(["-a", "-s", "-screen 0 1280x800x24"]);
        if let Some(script) = prelude {
            // `exec "$@"` then becomes tauri-driver with its arguments.
            cmd.args(["sh", "-c", &format!("{script}\nexec \"$@\""), "sh"]);
        }
        cmd.arg(need("tauri-driver"))
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .args([
                "--native-driver".as_ref(),
                need("WebKitWebDriver").as_os_str(),
            ])
            .env("XDG_DATA_HOME", xdg.join("data"))
            .env("XDG_CONFIG_HOME", xdg.join("config"))
            .env("XDG_CACHE_HOME", xdg.join("cache"))
            .env("XDG_RUNTIME_DIR", xdg.join("runtime"))
            .env_remove("MAARID_DB")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            // WebKit's sandbox needs user namespaces that CI containers may not have.
            .env("WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS", "1")
            .envs(env.iter().map(|(k, v)| (*k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.path().join("driver.log")).unwrap());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            cmd.process_group(0); // so Drop can end the whole tree
        }
        let mut driver = cmd.spawn().expect("start tauri-driver");

        let caps = json!({
            "browserName": "wry",
            "tauri:options": {
                "application": app,
                "args": ["--db", db_path.to_str().unwrap()],
            }
        });
        let caps = caps.as_object().unwrap().clone();
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(60);
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(e) => {
                    let log =
                        std::fs::read_to_string(dir.path().join("driver.log")).unwrap_or_default();
                    #[cfg(unix)]
                    kill_group(driver.id());
                    let _ = driver.kill();
                    let _ = driver.wait();
                    panic!("no WebDriver session: {e}\n--- driver log ---\n{log}");
                }
            }
        };
        let app = App {
            client,
            driver: Some(driver),
            _dir: dir,
            db_path,
        };
        app.wait_for("body[data-ready]").await;
        app
    }

    pub async fn launch_fresh() -> App {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("maarid.sqlite");
        App::launch_with(dir, db).await
    }

    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("waiting for `{css}`: {e}"))
    }

    /// Waits until `script` (an expression) is truthy in the page.
    pub async fn wait_until(&self, what: &str, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let v = self
                .client
                .execute(&format!("return !!({script});"), vec![])
                .await
                .unwrap();
            if v.as_bool() == Some(true) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}: {script}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Runs an asynchronous script that ends by calling `done(value)`; returns the value.
    pub async fn js_async(&self, body: &str) -> serde_json::Value {
        let script = format!("const done = arguments[arguments.length - 1]; {body}");
        self.client
            .execute_async(&script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{body}"))
    }

    /// Calls a Rust command straight from the page, as someone in the devtools would.
    /// Returns Ok(value) or Err(error object).
    pub async fn invoke(
        &self,
        cmd: &str,
        args: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        let script = "const [cmd, args, done] = arguments;
            window.__TAURI__.core.invoke(cmd, args).then(v => done({ok: v ?? null}), e => done({err: e}));";
        let out = self
            .client
            .execute_async(script, vec![json!(cmd), args])
            .await
            .unwrap();
        match out.get("err") {
            Some(e) => Err(e.clone()),
            None => Ok(out["ok"].clone()),
        }
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap();
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click `{css}`: {e}"));
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.unwrap()
    }

    pub async fn route(&self, hash: &str) {
        self.js(&format!("location.hash = {};", json!(hash))).await;
    }

    /// Saves a PNG of the window under `artifacts/e2e/` at the repository root.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        // WebKitWebDriver can hand back the previous frame right after a change.
        tokio::time::sleep(Duration::from_millis(700)).await;
        let png = self.client.screenshot().await.unwrap();
        assert!(png.starts_with(b"\x89PNG"), "a real PNG");
        let dir = artifacts_dir();
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }

    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        self.stop();
    }

    /// Ends the driver's process tree once; later calls do nothing (the group id may
    /// belong to someone else by then).
    fn stop(&mut self) {
        let Some(mut driver) = self.driver.take() else {
            return;
        };
        #[cfg(unix)]
        kill_group(driver.id());
        let _ = driver.kill();
        let _ = driver.wait();
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(unix)]
fn kill_group(pgid: u32) {
    // kill(2) on the negative group id: the driver, WebKitWebDriver, the app and its
    // web processes. Called directly because `/usr/bin/kill -TERM -PGID` misparses the
    // group id and can signal every process (-1).
    let Ok(pgid) = i32::try_from(pgid) else {
        return;
    };
    if pgid > 1 {
        // SAFETY: kill has no memory effects; a group that is already gone gives ESRCH.
        unsafe {
            libc::kill(-pgid, libc::SIGTERM);
        }
    }
}

pub fn artifacts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/e2e")
}
