fn main() {
    // Only the commands listed here get permissions generated; anything unlisted cannot be called.
    let commands = &["app_info", "get_settings", "set_theme"];
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .unwrap_or_else(|e| panic!("tauri build script failed: {e:#}"));
}
