//! A region's model catalog, its quota and the capacity available for a model, against the seeded
//! Sandbox over real HTTP.

mod sim;

use foundry_azure::arm::models::{AccountKind, LifecycleStatus, SkuName};
use foundry_azure::arm::ModelQuery;
use foundry_sim::sandbox::SUBSCRIPTION_ID;
use sim::{usage, Sandbox};

#[tokio::test]
async fn a_catalog_model_shows_its_skus_capacity_range_and_quota_key() {
    let sandbox = Sandbox::fast().await;
    let catalog = sandbox.client.list_region_models(SUBSCRIPTION_ID, "eastus").await.unwrap();
    let entry = catalog
        .iter()
        .find(|e| e.model.name == "gpt-4o" && e.model.version.as_deref() == Some("2024-11-20"))
        .unwrap();
    assert_eq!(entry.kind, Some(AccountKind::OpenAi));
    assert_eq!(entry.sku_name.as_deref(), Some("S0"));
    let model = &entry.model;
    assert_eq!(model.format, "OpenAI");
    assert_eq!(model.lifecycle_status, Some(LifecycleStatus::GenerallyAvailable));
    assert_eq!(model.deprecation.as_ref().and_then(|d| d.inference.as_deref()), Some("2027-03-01T00:00:00Z"));
    let skus: Vec<&SkuName> = model.skus.iter().map(|s| &s.name).collect();
    assert_eq!(
        skus,
        vec![
            &SkuName::Standard,
            &SkuName::GlobalStandard,
            &SkuName::DataZoneStandard,
            &SkuName::ProvisionedManaged,
            &SkuName::GlobalProvisionedManaged,
            &SkuName::GlobalBatch
        ]
    );
    let global = model.skus.iter().find(|s| s.name == SkuName::GlobalStandard).unwrap();
    assert_eq!(global.usage_name.as_deref(), Some("OpenAI.GlobalStandard.gpt-4o"));
    let range = global.capacity.as_ref().unwrap();
    assert_eq!(
        (range.minimum, range.maximum, range.step, range.default),
        (Some(1), Some(5000), Some(1), Some(10))
    );
    let ptu = model.skus.iter().find(|s| s.name == SkuName::ProvisionedManaged).unwrap();
    let range = ptu.capacity.as_ref().unwrap();
    assert_eq!((range.minimum, range.step), (Some(50), Some(50)));
    assert_eq!(ptu.costs.len(), 1, "provisioned SKUs bill hours");
    // Input and output tokens at least; models with a prompt cache add a cached-input meter.
    assert!(global.costs.len() >= 2, "pay-as-you-go SKUs bill input and output tokens: {:?}", global.costs);
    assert!(global.rate_limits.iter().any(|r| r.key.as_deref() == Some("request")));
}

#[tokio::test]
async fn region_catalogs_differ_and_keep_formats_with_spaces() {
    let sandbox = Sandbox::fast().await;
    let east = sandbox.client.list_region_models(SUBSCRIPTION_ID, "eastus").await.unwrap();
    let sweden = sandbox.client.list_region_models(SUBSCRIPTION_ID, "swedencentral").await.unwrap();
    assert!(east.iter().any(|e| e.model.name == "gpt-5-mini"));
    assert!(!sweden.iter().any(|e| e.model.name == "gpt-5-mini"), "not offered in Sweden Central");
    let mistral = east.iter().find(|e| e.model.format == "Mistral AI").unwrap();
    assert_eq!(mistral.model.name, "Mistral-Large-2411");
    assert_eq!(mistral.kind, Some(AccountKind::AiServices));
}

#[tokio::test]
async fn region_usages_count_accounts_and_seeded_deployments() {
    let sandbox = Sandbox::fast().await;
    let usages = sandbox.client.list_region_usages(SUBSCRIPTION_ID, "eastus").await.unwrap();
    let accounts = usage(&usages, "AccountCount");
    assert_eq!((accounts.current_value, accounts.limit), (1.0, 200.0));
    let global = usage(&usages, "OpenAI.GlobalStandard.gpt-4o");
    assert_eq!((global.current_value, global.limit, global.free()), (50.0, 1000.0, 950.0));
    let embeddings = usage(&usages, "OpenAI.Standard.text-embedding-3-small");
    assert_eq!((embeddings.current_value, embeddings.free()), (20.0, 280.0));
    let sweden = sandbox.client.list_region_usages(SUBSCRIPTION_ID, "swedencentral").await.unwrap();
    assert_eq!(usage(&sweden, "OpenAI.GlobalStandard.gpt-4o").current_value, 0.0, "quota is per region");
    assert_eq!(usage(&sweden, "OpenAI.GlobalStandard.o4-mini").current_value, 20.0);
}

#[tokio::test]
async fn model_capacities_show_free_capacity_per_region_and_sku() {
    let sandbox = Sandbox::fast().await;
    let query = ModelQuery { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" };
    let everywhere = sandbox.client.list_model_capacities(SUBSCRIPTION_ID, None, &query).await.unwrap();
    let global = |location: &str| {
        everywhere
            .iter()
            .find(|c| {
                c.location.as_deref() == Some(location)
                    && c.properties.sku_name == Some(SkuName::GlobalStandard)
            })
            .and_then(|c| c.properties.available_capacity)
    };
    assert_eq!(global("eastus"), Some(950.0), "1000 less the seeded 50");
    assert_eq!(global("swedencentral"), Some(1000.0));
    let east = sandbox.client.list_model_capacities(SUBSCRIPTION_ID, Some("eastus"), &query).await.unwrap();
    assert_eq!(east.len(), 6, "one row per SKU in East US");
    assert!(east.iter().all(|c| c.location.as_deref() == Some("eastus")));
    let model = east[0].properties.model.as_ref().unwrap();
    assert_eq!((model.name.as_str(), model.version.as_deref()), ("gpt-4o", Some("2024-11-20")));
}

#[tokio::test]
async fn a_model_format_with_a_space_reaches_azure_intact() {
    let sandbox = Sandbox::fast().await;
    let query = ModelQuery { format: "Mistral AI", name: "Mistral-Large-2411", version: "2" };
    let rows =
        sandbox.client.list_model_capacities(SUBSCRIPTION_ID, Some("swedencentral"), &query).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].properties.sku_name, Some(SkuName::GlobalStandard));
    // The seeded mistral-large deployment holds 1 of the 10 units of MaaS quota.
    assert_eq!(rows[0].properties.available_capacity, Some(9.0));
}
