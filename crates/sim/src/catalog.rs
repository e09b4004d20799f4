//! The default region model catalog: chat, reasoning and embedding models from OpenAI plus one
//! "Mistral AI" model, in preview, GA, deprecating and deprecated versions. Deterministic, so every run
//! serves the same catalog.

use serde_json::{json, Map, Value};

use crate::seed::{CatalogEntry, CatalogModel, CatalogSku, RegionCatalog, SkuCapacity};

/// What a model is for; decides its capabilities and rate-limit ratio.
#[derive(Clone, Copy, PartialEq)]
enum Family {
    Chat,
    Reasoning,
    Embedding,
}

/// One row of the catalog table.
struct ModelRow {
    format: &'static str,
    name: &'static str,
    version: &'static str,
    lifecycle: &'static str,
    default_version: bool,
    family: Family,
    /// `deprecation.inference`.
    retires: &'static str,
    fine_tunable: bool,
    skus: &'static [&'static str],
    /// Regions that do not offer it (everything else does).
    not_in: &'static [&'static str],
}

const ALL_STANDARD: &[&str] = &[
    "Standard",
    "GlobalStandard",
    "DataZoneStandard",
    "ProvisionedManaged",
    "GlobalProvisionedManaged",
    "GlobalBatch",
];

#[rustfmt::skip]
const ROWS: &[ModelRow] = &[
    ModelRow { format: "OpenAI", name: "gpt-4o", version: "2024-05-13", lifecycle: "Deprecating", default_version: false, family: Family::Chat, retires: "2026-12-15T00:00:00Z", fine_tunable: false, skus: &["Standard", "GlobalStandard"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "gpt-4o", version: "2024-08-06", lifecycle: "GenerallyAvailable", default_version: false, family: Family::Chat, retires: "2027-02-27T00:00:00Z", fine_tunable: true, skus: ALL_STANDARD, not_in: &[] },
    ModelRow { format: "OpenAI", name: "gpt-4o", version: "2024-11-20", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Chat, retires: "2027-03-01T00:00:00Z", fine_tunable: false, skus: ALL_STANDARD, not_in: &[] },
    ModelRow { format: "OpenAI", name: "gpt-4o-mini", version: "2024-07-18", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Chat, retires: "2027-02-27T00:00:00Z", fine_tunable: true, skus: &["Standard", "GlobalStandard", "DataZoneStandard", "GlobalBatch", "ProvisionedManaged"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "gpt-4.1", version: "2025-04-14", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Chat, retires: "2027-04-14T00:00:00Z", fine_tunable: true, skus: &["GlobalStandard", "DataZoneStandard", "GlobalProvisionedManaged", "GlobalBatch"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "gpt-4.1-mini", version: "2025-04-14", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Chat, retires: "2027-04-14T00:00:00Z", fine_tunable: false, skus: &["GlobalStandard", "DataZoneStandard", "GlobalBatch"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "gpt-4.1-nano", version: "2025-04-14", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Chat, retires: "2027-04-14T00:00:00Z", fine_tunable: false, skus: &["GlobalStandard", "GlobalBatch"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "gpt-35-turbo", version: "0613", lifecycle: "Deprecated", default_version: false, family: Family::Chat, retires: "2025-02-13T00:00:00Z", fine_tunable: false, skus: &["Standard"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "gpt-35-turbo", version: "0125", lifecycle: "Deprecating", default_version: true, family: Family::Chat, retires: "2026-12-31T00:00:00Z", fine_tunable: true, skus: &["Standard", "ProvisionedManaged"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "o1", version: "2024-12-17", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Reasoning, retires: "2027-12-17T00:00:00Z", fine_tunable: false, skus: &["GlobalStandard", "DataZoneStandard", "GlobalProvisionedManaged"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "o3-mini", version: "2025-01-31", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Reasoning, retires: "2027-02-01T00:00:00Z", fine_tunable: false, skus: &["GlobalStandard", "DataZoneStandard", "GlobalBatch"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "o4-mini", version: "2025-04-16", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Reasoning, retires: "2027-04-16T00:00:00Z", fine_tunable: false, skus: &["GlobalStandard", "DataZoneStandard"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "gpt-5", version: "2025-08-07", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Reasoning, retires: "2027-08-07T00:00:00Z", fine_tunable: false, skus: &["GlobalStandard", "DataZoneStandard", "GlobalProvisionedManaged"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "gpt-5-mini", version: "2025-08-07", lifecycle: "Preview", default_version: true, family: Family::Reasoning, retires: "2027-08-07T00:00:00Z", fine_tunable: false, skus: &["GlobalStandard"], not_in: &["swedencentral"] },
    ModelRow { format: "OpenAI", name: "text-embedding-3-small", version: "1", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Embedding, retires: "2027-04-30T00:00:00Z", fine_tunable: false, skus: &["Standard", "GlobalStandard"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "text-embedding-3-large", version: "1", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Embedding, retires: "2027-04-30T00:00:00Z", fine_tunable: false, skus: &["Standard", "GlobalStandard"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "text-embedding-ada-002", version: "1", lifecycle: "Deprecated", default_version: false, family: Family::Embedding, retires: "2025-04-30T00:00:00Z", fine_tunable: false, skus: &["Standard"], not_in: &[] },
    ModelRow { format: "OpenAI", name: "text-embedding-ada-002", version: "2", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Embedding, retires: "2027-04-30T00:00:00Z", fine_tunable: false, skus: &["Standard", "GlobalStandard"], not_in: &[] },
    ModelRow { format: "Mistral AI", name: "Mistral-Large-2411", version: "2", lifecycle: "GenerallyAvailable", default_version: true, family: Family::Chat, retires: "2027-11-30T00:00:00Z", fine_tunable: false, skus: &["GlobalStandard"], not_in: &[] },
];

/// The default catalog of one region.
pub fn region_catalog(location: &str) -> RegionCatalog {
    let models = ROWS.iter().filter(|row| !row.not_in.contains(&location)).map(entry).collect();
    RegionCatalog { location: location.to_string(), models }
}

fn entry(row: &ModelRow) -> CatalogEntry {
    let is_openai = row.format == "OpenAI";
    let mut extra = Map::new();
    let mut deprecation = json!({"inference": row.retires});
    deprecation["deprecationStatus"] =
        json!(if row.lifecycle == "Deprecating" { "Planned" } else { "Tentative" });
    if row.fine_tunable {
        deprecation["fineTune"] = json!(row.retires);
    }
    extra.insert("deprecation".into(), deprecation);
    extra.insert("maxCapacity".into(), json!(if row.family == Family::Reasoning { 100 } else { 1000 }));
    let registry = if is_openai { "azure-openai" } else { "azureml-mistral" };
    extra.insert(
        "modelCatalogAssetId".into(),
        json!(format!("azureml://registries/{registry}/models/{}/versions/{}", row.name, row.version)),
    );
    extra.insert(
        "systemData".into(),
        json!({"createdAt": "2024-05-13T00:00:00Z", "createdBy": "Microsoft", "createdByType": "Application",
               "lastModifiedAt": "2025-09-01T00:00:00Z", "lastModifiedBy": "Microsoft",
               "lastModifiedByType": "Application"}),
    );
    if row.fine_tunable {
        extra.insert(
            "finetuneCapabilities".into(),
            json!({"chatCompletion": "true", "fineTune": "true", "inference": "true", "scaleType": "Standard"}),
        );
    }
    if row.lifecycle == "Deprecating" {
        let (target, version) = if row.name.starts_with("gpt-35") {
            ("gpt-4o-mini", "2024-07-18")
        } else {
            ("gpt-4.1", "2025-04-14")
        };
        extra.insert(
            "replacementConfig".into(),
            json!({"autoUpgradeStartDate": "2026-10-01T00:00:00Z", "targetModelName": target,
                   "targetModelVersion": version, "upgradeOnExpiryLeadTimeDays": 7}),
        );
    }
    CatalogEntry {
        kind: if is_openai { "OpenAI" } else { "AIServices" }.into(),
        sku_name: "S0".into(),
        model: CatalogModel {
            format: row.format.into(),
            name: row.name.into(),
            version: row.version.into(),
            lifecycle_status: Some(row.lifecycle.into()),
            is_default_version: Some(row.default_version),
            capabilities: capabilities(row.family),
            skus: row.skus.iter().map(|sku| catalog_sku(row, sku)).collect(),
            extra,
        },
    }
}

fn capabilities(family: Family) -> std::collections::BTreeMap<String, String> {
    let pairs: &[(&str, &str)] = match family {
        Family::Chat => &[
            ("chatCompletion", "true"),
            ("jsonObjectResponse", "true"),
            ("maxContextToken", "128000"),
            ("maxOutputToken", "16384"),
            ("toolChoice", "true"),
        ],
        Family::Reasoning => &[
            ("chatCompletion", "true"),
            ("reasoning", "true"),
            ("maxContextToken", "200000"),
            ("maxOutputToken", "100000"),
        ],
        Family::Embedding => {
            &[("embeddings", "true"), ("maxContextToken", "8192"), ("embeddingsMaxInputs", "2048")]
        }
    };
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn catalog_sku(row: &ModelRow, sku: &str) -> CatalogSku {
    let provisioned = sku.contains("Provisioned");
    let capacity = match sku {
        "ProvisionedManaged" => {
            SkuCapacity { default: Some(50), maximum: Some(1000), minimum: Some(50), step: Some(50) }
        }
        "GlobalProvisionedManaged" => {
            SkuCapacity { default: Some(15), maximum: Some(1000), minimum: Some(15), step: Some(5) }
        }
        "GlobalBatch" => {
            SkuCapacity { default: Some(100), maximum: Some(50000), minimum: Some(1), step: Some(1) }
        }
        "GlobalStandard" => {
            SkuCapacity { default: Some(10), maximum: Some(5000), minimum: Some(1), step: Some(1) }
        }
        _ => SkuCapacity { default: Some(10), maximum: Some(1000), minimum: Some(1), step: Some(1) },
    };
    let prefix = if row.format == "OpenAI" { "OpenAI" } else { "AIServices" };
    let usage_name = if row.format == "OpenAI" {
        format!("{prefix}.{sku}.{}", row.name)
    } else {
        format!("{prefix}.{sku}.MaaS")
    };
    let mut extra = Map::new();
    if !provisioned {
        // Requests per minute per 1K tokens-per-minute of capacity.
        let rpm_per_unit = match row.family {
            Family::Reasoning => 1,
            _ => 6,
        };
        extra.insert(
            "rateLimits".into(),
            json!([{"key": "request", "renewalPeriod": 60, "count": rpm_per_unit},
                   {"key": "token", "renewalPeriod": 60, "count": 1000}]),
        );
    }
    extra.insert("cost".into(), Value::Array(meters(row, sku)));
    if row.lifecycle == "Deprecating" || row.lifecycle == "Deprecated" {
        extra.insert("deprecationDate".into(), json!(row.retires));
    }
    CatalogSku { name: sku.into(), usage_name: Some(usage_name), capacity, extra }
}

/// Billing meters (see [`crate::pricing`]): stable ids derived from the meter name, so the seed is the same
/// on every run and the prices endpoint can find each meter's price.
fn meters(row: &ModelRow, sku: &str) -> Vec<Value> {
    let embedding = row.family == Family::Embedding;
    crate::pricing::meter_kinds(row.format, sku, embedding)
        .into_iter()
        .map(|kind| {
            let name = crate::pricing::meter_name(row.name, row.version, kind, sku);
            json!({"name": name, "meterId": stable_guid(&name), "unit": crate::pricing::unit(row.name, kind)})
        })
        .collect()
}

/// A GUID-shaped id that is the same for the same text on every run.
pub(crate) fn stable_guid(text: &str) -> String {
    // FNV-1a, twice with different offsets: enough to look like a GUID and never change between runs.
    let fnv = |offset: u64| {
        text.bytes().fold(offset, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3))
    };
    let (a, b) = (fnv(0xcbf2_9ce4_8422_2325), fnv(0x8422_2325_cbf2_9ce4));
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn catalog_is_rich_and_stable() {
        let east = super::region_catalog("eastus");
        assert!(east.models.len() >= 19);
        assert!(east.models.iter().any(|m| m.model.format == "Mistral AI"));
        let again = super::region_catalog("eastus");
        assert_eq!(serde_json::to_value(&east).unwrap(), serde_json::to_value(&again).unwrap());
        assert!(super::region_catalog("swedencentral").models.len() < east.models.len());
    }
}
