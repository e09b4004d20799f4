//! The desktop shell: window, plugins, state, and commands that are a few lines over `foundry-desk-core`.

mod commands;
mod error;
mod state;

use tauri::Manager;

pub use error::{CommandError, ErrorKind};
use state::AppState;

/// Every command the window may call, and the types they exchange; also the source of `ui/src/bindings.ts`.
pub fn ipc() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        // One TypeScript type per Rust type: ours serialize and deserialize alike.
        .disable_serde_phases()
        .commands(tauri_specta::collect_commands![
            commands::app::app_info,
            commands::settings::get_settings,
            commands::settings::settings_recovery,
            commands::settings::dismiss_settings_recovery,
            commands::settings::test_network,
            commands::settings::save_settings,
            commands::settings::reset_settings_section,
            commands::settings::export_settings,
            commands::settings::preview_settings_import,
            commands::settings::apply_settings_import,
            commands::privacy::open_app_folder,
            commands::privacy::clear_history,
            commands::privacy::remove_all_secrets,
            commands::connections::list_profiles,
            commands::connections::add_endpoint_profile,
            commands::connections::add_account_profile,
            commands::connections::rename_profile,
            commands::connections::remove_profile,
            commands::connections::start_device_code,
            commands::connections::start_browser_sign_in,
            commands::connections::finish_sign_in,
            commands::connections::cancel_sign_in,
            commands::connections::sign_out,
            commands::connections::list_tenants,
            commands::connections::choose_tenant,
            commands::connections::list_subscriptions,
            commands::connections::list_accounts,
            commands::connections::get_keys_from_azure,
            commands::connections::rotate_key,
            commands::connections::save_key,
            commands::connections::delete_key,
            commands::connections::check_connection,
            commands::connections::keychain_status,
            commands::connections::keep_secrets_for_session,
            commands::connections::find_deployments,
            commands::deployments::list_deployment_rows,
            commands::deployments::deployment_plan_facts,
            commands::deployments::review_deployment,
            commands::deployments::create_deployment,
            commands::deployments::delete_deployment,
            commands::deployments::review_deployment_change,
            commands::deployments::change_deployment,
            commands::deployments::region_quotas,
            commands::usage::usage_report,
            commands::usage::deployment_price,
            commands::usage::answer_price,
            commands::access::access_report,
            commands::access::find_principals,
            commands::access::grant_role,
            commands::access::revoke_role,
            commands::access::my_access,
            commands::access::key_auth_impact,
            commands::access::set_key_auth,
            commands::access::use_entra_sign_in,
            commands::app::open_link,
            commands::playground::playground_targets,
            commands::playground::parameter_rules,
            commands::playground::send_chat,
            commands::playground::stop_chat,
            commands::playground::simulate_problem,
            commands::playground::list_conversations,
            commands::playground::load_conversation,
            commands::playground::save_conversation,
            commands::playground::rename_conversation,
            commands::playground::delete_conversation,
            commands::playground::export_conversation,
            commands::playground::list_presets,
            commands::playground::save_preset,
            commands::playground::delete_preset,
            commands::playground::view_code,
            commands::playground::list_all_presets,
            commands::playground::update_preset,
            commands::playground::duplicate_preset,
        ])
}

/// Starts the app and blocks until it exits.
pub fn run() {
    let ipc = ipc();
    let app = tauri::Builder::default()
        // First, so a second launch only focuses the running window and does nothing else.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                // D-Bus handshakes (keychain, single-instance) are noise in a user's log.
                .level_for("zbus", log::LevelFilter::Warn)
                .level_for("tracing", log::LevelFilter::Warn)
                .targets([
                    tauri_plugin_log::Target::new(tauri_plugin_log::TargetKind::LogDir { file_name: None }),
                    tauri_plugin_log::Target::new(tauri_plugin_log::TargetKind::Stderr),
                ])
                .build(),
        )
        // Opens the sign-in page in the system browser, from Rust only: the window has no opener permission.
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .invoke_handler(ipc.invoke_handler())
        .setup(move |app| {
            ipc.mount_events(app);
            let state = AppState::start(app.handle())?;
            log::info!(
                "Foundry Desk {} started; keychain: {}",
                app.package_info().version,
                state.keychain_name()
            );
            app.manage(state);
            Ok(())
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("Foundry Desk could not start: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod bindings {
    //! `ui/src/bindings.ts` is generated from the Rust types; CI fails when the committed file is stale.
    //! Regenerate with `make bindings` (runs this test with FDESK_WRITE_BINDINGS=1).

    use std::path::PathBuf;

    #[test]
    fn committed_bindings_match_the_rust_commands() {
        let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
        let fresh = std::env::temp_dir().join(format!("foundry-desk-bindings-{}.ts", std::process::id()));
        super::ipc()
            .export(specta_typescript::Typescript::default(), &fresh)
            .expect("export TypeScript bindings");
        let fresh_text = std::fs::read_to_string(&fresh).expect("read fresh bindings");
        let _ = std::fs::remove_file(&fresh);
        if std::env::var_os("FDESK_WRITE_BINDINGS").is_some() {
            std::fs::write(&committed, &fresh_text).expect("write ui/src/bindings.ts");
            return;
        }
        let committed_text = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            committed_text == fresh_text,
            "ui/src/bindings.ts is stale: run `make bindings` and commit the result"
        );
    }
}
