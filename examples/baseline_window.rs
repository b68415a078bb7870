//! The floor every WebKitGTK app pays: a blank Tauri window (about:blank, no plugins,
//! no database, no UI). scripts/measure-startup.sh measures it beside Maarid in the
//! same run, so Maarid's figures can be read as ratios to it. It reports "ready" once
//! its window is built (about:blank raises no page-load event), so its start-up figure
//! covers a little less work than Maarid's, whose UI reports its first drawn screen.

fn main() {
    let mut context = tauri::generate_context!();
    context.config_mut().app.windows.clear();
    tauri::Builder::default()
        .setup(|app| {
            let url = tauri::WebviewUrl::External("about:blank".parse().expect("a valid URL"));
            tauri::WebviewWindowBuilder::new(app, "main", url)
                .inner_size(1280.0, 800.0)
                .build()?;
            let ms = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis())
                .unwrap_or(0);
            println!("MAARID_READY epoch_ms={ms} pid={}", std::process::id());
            Ok(())
        })
        .run(context)
        .expect("the baseline window could not start");
}
