//! Step 1 of the wizard: the models an account can deploy, with the facts that decide the choice —
//! lifecycle, default version, what the model can do, when it retires — and whether a new deployment
//! of it is allowed at all (and why not).

use foundry_azure::arm::models::{LifecycleStatus, Model};
use foundry_azure::inference::ModelRules;
use serde::Serialize;

use super::dates::{days_until, Day};
use super::skus::{sku_choices, SkuChoice};

/// How far ahead a retirement date earns a warning.
pub const RETIREMENT_WARNING_DAYS: i64 = 90;

/// What a model can do, read from its capability strings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Capabilities {
    pub chat: bool,
    /// A reasoning model (o-series, gpt-5): takes `max_completion_tokens` and reasoning effort.
    pub reasoning: bool,
    pub embeddings: bool,
    /// Longest prompt + answer in tokens, when the catalog says.
    pub context_window: Option<u32>,
}

/// One model version as the wizard lists it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ModelChoice {
    pub format: String,
    pub name: String,
    pub version: String,
    /// Preview, GenerallyAvailable, Stable, Deprecating, Deprecated, Legacy (as Azure words it).
    pub lifecycle: Option<String>,
    pub is_default_version: bool,
    pub capabilities: Capabilities,
    /// When inference stops (`YYYY-MM-DD`), when announced.
    pub retires_on: Option<String>,
    /// Why a new deployment of it is refused; `None` when it can be deployed.
    pub blocked: Option<String>,
    /// How it can be deployed here.
    pub skus: Vec<SkuChoice>,
}

fn flag(model: &Model, key: &str) -> bool {
    model.capabilities.iter().any(|(k, v)| k.eq_ignore_ascii_case(key) && v.eq_ignore_ascii_case("true"))
}

fn capabilities(model: &Model) -> Capabilities {
    let context_window = model
        .capabilities
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("maxContextToken"))
        .and_then(|(_, v)| v.parse().ok());
    let chat = flag(model, "chatCompletion");
    Capabilities {
        chat,
        reasoning: chat && ModelRules::for_model(&model.name, model.version.as_deref()).reasoning,
        embeddings: flag(model, "embeddings"),
        context_window,
    }
}

/// Why a new deployment of `model` is refused, `today` being the date of the check.
fn blocked(model: &Model, retires_on: Option<&str>, today: Day) -> Option<String> {
    let retired = retires_on.and_then(|d| days_until(d, today)).is_some_and(|days| days <= 0);
    match &model.lifecycle_status {
        Some(LifecycleStatus::Deprecating) => Some(format!(
            "{} {} is being retired{}: Azure accepts no new deployments of it; pick a newer version",
            model.name,
            model.version.as_deref().unwrap_or_default(),
            retires_on.map(|d| format!(" on {d}")).unwrap_or_default()
        )),
        Some(LifecycleStatus::Deprecated) => Some(format!(
            "{} {} is retired: it answers no requests any more",
            model.name,
            model.version.as_deref().unwrap_or_default()
        )),
        _ if retired => Some(format!(
            "{} {} retired on {}",
            model.name,
            model.version.as_deref().unwrap_or_default(),
            retires_on.unwrap_or_default()
        )),
        _ if model.skus.is_empty() => {
            Some("this account cannot deploy it (no deployment type is offered)".into())
        }
        _ => None,
    }
}

/// The models of `models` (an account's `GET A/models`), newest version first within a name, names in
/// alphabetical order; only entries with a version (deployments need one).
pub fn model_choices(models: &[Model], today: Day) -> Vec<ModelChoice> {
    let mut choices: Vec<ModelChoice> = models
        .iter()
        .filter_map(|model| {
            let version = model.version.clone()?;
            let retires_on = model
                .deprecation
                .as_ref()
                .and_then(|d| d.inference.as_deref())
                .map(|d| d.chars().take(10).collect::<String>());
            Some(ModelChoice {
                format: model.format.clone(),
                name: model.name.clone(),
                version,
                lifecycle: model.lifecycle_status.as_ref().map(|l| l.to_string()),
                is_default_version: model.is_default_version.unwrap_or(false),
                capabilities: capabilities(model),
                blocked: blocked(model, retires_on.as_deref(), today),
                retires_on,
                skus: sku_choices(&model.skus),
            })
        })
        .collect();
    choices.sort_by(|a, b| {
        a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| b.version.cmp(&a.version))
    });
    choices
}

/// The choices whose name, format or version contain every word of `query` (any case).
pub fn search<'a>(choices: &'a [ModelChoice], query: &str) -> Vec<&'a ModelChoice> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    choices
        .iter()
        .filter(|c| {
            let text = format!("{} {} {}", c.name, c.format, c.version).to_lowercase();
            words.iter().all(|w| text.contains(w))
        })
        .collect()
}

/// The warning a deployment of a model version deserves: retiring or retired, with the date, when
/// the lifecycle says so or the retirement is within [`RETIREMENT_WARNING_DAYS`].
pub fn retirement_warning(lifecycle: Option<&str>, retires_on: Option<&str>, today: Day) -> Option<String> {
    let days = retires_on.and_then(|d| days_until(d, today));
    let date = retires_on.map(|d| d.chars().take(10).collect::<String>());
    match (lifecycle, days) {
        (_, Some(d)) if d <= 0 => Some(format!("Retired on {}", date.unwrap_or_default())),
        (Some("Deprecated"), _) => Some("Retired".into()),
        (_, Some(d)) if d <= RETIREMENT_WARNING_DAYS => {
            Some(format!("Retires on {} (in {d} days)", date.unwrap_or_default()))
        }
        (Some("Deprecating"), _) => Some(match date {
            Some(date) => format!("Retiring on {date}"),
            None => "Retiring".into(),
        }),
        _ => None,
    }
}
