//! Waking after the computer slept. On Linux logind announces it
//! (`PrepareForSleep(false)` on the system bus), and the loop re-plans at once.

/// Calls `on_resume` after each resume; returns whether the signal could be
/// subscribed to (no system bus, as in containers and tests: false).
#[cfg(target_os = "linux")]
pub fn listen(on_resume: impl Fn() + Send + 'static) -> bool {
    match dbus::blocking::Connection::new_system() {
        Ok(conn) => listen_on(conn, on_resume),
        Err(e) => {
            log::info!("no system bus, resume is noticed by the wall clock only: {e}");
            false
        }
    }
}

#[cfg(target_os = "linux")]
fn listen_on(conn: dbus::blocking::Connection, on_resume: impl Fn() + Send + 'static) -> bool {
    use dbus::message::MatchRule;
    use std::time::Duration;

    let rule = MatchRule::new_signal("org.freedesktop.login1.Manager", "PrepareForSleep");
    let added = conn.add_match(rule, move |(sleeping,): (bool,), _, _| {
        if !sleeping {
            on_resume();
        }
        true
    });
    if let Err(e) = added {
        log::info!("cannot watch for resume: {e}");
        return false;
    }
    std::thread::Builder::new()
        .name("resume-watch".into())
        .spawn(move || loop {
            if conn.process(Duration::from_secs(3600)).is_err() {
                break;
            }
        })
        .is_ok()
}

#[cfg(not(target_os = "linux"))]
pub fn listen(_on_resume: impl Fn() + Send + 'static) -> bool {
    false
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    /// A private bus daemon stands in for the system bus; `dbus-send` plays logind.
    #[test]
    fn a_resume_signal_calls_back_and_going_to_sleep_does_not() {
        let mut daemon = match Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .spawn()
        {
            Ok(d) => d,
            Err(e) => panic!("this test needs dbus-daemon (Debian package dbus): {e}"),
        };
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        let address = address.trim().to_string();
        let mut channel = dbus::channel::Channel::open_private(&address).unwrap();
        channel.register().unwrap();

        let (tx, rx) = mpsc::channel();
        assert!(listen_on(channel.into(), move || tx.send(()).unwrap()));
        let send = |sleeping: bool| {
            let ok = Command::new("dbus-send")
                .arg(format!("--bus={address}"))
                .args([
                    "--type=signal",
                    "/org/freedesktop/login1",
                    "org.freedesktop.login1.Manager.PrepareForSleep",
                    &format!("boolean:{sleeping}"),
                ])
                .status()
                .unwrap()
                .success();
            assert!(ok);
        };
        send(true);
        assert!(
            rx.recv_timeout(Duration::from_millis(500)).is_err(),
            "going to sleep"
        );
        send(false);
        assert!(rx.recv_timeout(Duration::from_secs(5)).is_ok(), "resumed");
        let _ = daemon.kill();
        let _ = daemon.wait();
    }
}
