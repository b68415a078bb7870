// The manifest beside tauri.conf.json is the repository root (the Tauri CLI needs it
// there), so tauri-build finds the config itself; only the capabilities folder, kept
// under src-tauri/, is named here.
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*"),
    )
    .expect("failed to run tauri-build");
}
