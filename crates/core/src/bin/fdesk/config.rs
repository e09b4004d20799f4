//! `fdesk config show`: the settings the app works with, read from its file — never written from
//! here, so the CLI cannot disturb a running app.

use clap::Subcommand;
use foundry_desk_core::app_info::AppPaths;
use foundry_desk_core::settings::{Settings, SettingsStore};

use crate::output::{json, out, table, Failure, OutputFormat};

#[derive(Subcommand)]
pub enum ConfigCommand {
    /// Prints every setting in effect, and whether it comes from the settings file or is a default.
    Show,
}

pub fn run(command: ConfigCommand, output: OutputFormat) -> Result<(), Failure> {
    let ConfigCommand::Show = command;
    let paths = AppPaths::for_cli()
        .ok_or_else(|| Failure::Usage("cannot find a home directory for app data (is HOME set?)".into()))?;
    let store = SettingsStore::new(paths.settings_file());
    let settings = match store.read() {
        Ok(settings) => settings,
        Err(problem) => {
            // As the app does: it starts on defaults (and sets the file aside) rather than guess.
            eprintln!(
                "fdesk: {} cannot be used ({problem}); the app starts on defaults, shown here",
                store.path().display()
            );
            Settings::default()
        }
    };
    if output == OutputFormat::Json {
        return json(&settings);
    }
    let defaults = Settings::default().fields();
    let rows: Vec<Vec<String>> = settings
        .fields()
        .into_iter()
        .map(|(field, value)| {
            let source =
                if defaults.iter().any(|(f, v)| *f == field && *v == value) { "default" } else { "file" };
            vec![field, value, source.to_string()]
        })
        .collect();
    out(&format!("settings file: {}", store.path().display()));
    out(&table(&["SETTING", "VALUE", "FROM"], &rows));
    Ok(())
}
