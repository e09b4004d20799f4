fn main() {
    // Only the commands listed here get permissions generated; anything unlisted cannot be called.
    let commands = &[
        "app_info",
        "get_settings",
        "set_theme",
        "list_profiles",
        "add_endpoint_profile",
        "add_account_profile",
        "rename_profile",
        "remove_profile",
        "start_device_code",
        "start_browser_sign_in",
        "finish_sign_in",
        "cancel_sign_in",
        "sign_out",
        "list_tenants",
        "choose_tenant",
        "list_subscriptions",
        "list_accounts",
        "get_keys_from_azure",
        "rotate_key",
        "save_key",
        "delete_key",
        "check_connection",
        "keychain_status",
        "keep_secrets_for_session",
        "find_deployments",
        "list_deployment_rows",
        "deployment_plan_facts",
        "review_deployment",
        "create_deployment",
        "delete_deployment",
        "review_deployment_change",
        "change_deployment",
        "region_quotas",
        "open_link",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .unwrap_or_else(|e| panic!("tauri build script failed: {e:#}"));
}
