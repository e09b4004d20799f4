//! Reading a settings file of any version this app has ever written: each step lifts one version
//! to the next, so a file from the first release still loads.

use serde_json::{json, Map, Value};

use super::{Settings, SettingsError, SETTINGS_VERSION};

/// Version 1 → 2: the theme moved into `appearance`, next to the new sections.
fn v1_to_v2(v1: Map<String, Value>) -> Map<String, Value> {
    let mut v2 = Map::new();
    if let Some(theme) = v1.get("theme") {
        v2.insert("appearance".into(), json!({ "theme": theme }));
    }
    v2
}

/// Lifts a file's settings object one version up.
type Step = fn(Map<String, Value>) -> Map<String, Value>;

/// The step that lifts version `n` to `n + 1`, at index `n - 1`.
const STEPS: [Step; 1] = [v1_to_v2];

/// Settings from a saved file's JSON, migrated to this version.
pub(super) fn read(saved: Value) -> Result<Settings, SettingsError> {
    let Value::Object(mut object) = saved else {
        return Err(SettingsError::Corrupt("the file is not a JSON object".into()));
    };
    // Version 1 was kept by tauri-plugin-store, under a "settings" key.
    if !object.contains_key("version") {
        if let Some(Value::Object(inner)) = object.remove("settings") {
            object = inner;
        }
    }
    let found = match object.get("version") {
        None => 1,
        Some(version) => {
            version.as_u64().and_then(|v| u32::try_from(v).ok()).filter(|v| *v >= 1).ok_or_else(|| {
                SettingsError::Corrupt(format!("\"version\" is {version}, not a version number"))
            })?
        }
    };
    if found > SETTINGS_VERSION {
        return Err(SettingsError::TooNew { found });
    }
    for step in STEPS.iter().skip(found as usize - 1) {
        object = step(object);
    }
    object.insert("version".into(), SETTINGS_VERSION.into());
    // What the file leaves out keeps its default: a file from before a setting existed loads.
    let mut settings = serde_json::to_value(Settings::default()).unwrap_or_default();
    merge(&mut settings, Value::Object(object));
    serde_json::from_value(settings).map_err(|e| SettingsError::Corrupt(e.to_string()))
}

/// Lays `saved` over `base`: objects field by field, anything else replaced whole.
fn merge(base: &mut Value, saved: Value) {
    match (base, saved) {
        (Value::Object(base), Value::Object(saved)) => {
            for (name, value) in saved {
                match base.get_mut(&name) {
                    Some(inner) => merge(inner, value),
                    None => {
                        base.insert(name, value);
                    }
                }
            }
        }
        (base, saved) => *base = saved,
    }
}
