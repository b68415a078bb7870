//! Waking after the computer slept. On Linux logind announces it
//! (`PrepareForSleep(false)` on the system bus), and the loop re-plans at once.
//! Returns whether that signal could be subscribed to.

#[cfg(target_os = "linux")]
pub fn listen(on_resume: impl Fn() + Send + 'static) -> bool {
    use dbus::blocking::Connection;
    use dbus::message::MatchRule;
    use std::time::Duration;

    let conn = match Connection::new_system() {
        Ok(c) => c,
        Err(e) => {
            log::info!("no system bus, resume is noticed by the wall clock only: {e}");
            return false;
        }
    };
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
