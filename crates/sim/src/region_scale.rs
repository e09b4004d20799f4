//! A region the size of a real one, for benchmarks and by hand (`FOUNDRY_SIM_SEED=region-scale`): the
//! Sandbox, with eastus's catalog grown to 700 model versions and one more account holding 300
//! deployments.

use crate::sandbox::{default_quotas, GROUP_EAST, SUBSCRIPTION_ID};
use crate::seed::{AccountSeed, DeploymentSeed, Seed};

/// The account with 300 deployments.
pub const ACCOUNT_LARGE: &str = "contoso-large-eastus";
/// Model versions in eastus's catalog.
pub const CATALOG_SIZE: usize = 700;
/// Deployments of [`ACCOUNT_LARGE`].
pub const DEPLOYMENT_COUNT: usize = 300;

/// Families the synthetic models are named after, so a search narrows them as it would real ones.
const FAMILIES: [&str; 7] =
    ["gpt-4o", "gpt-4.1", "o3", "phi-4", "llama-3.3", "mistral-small", "cohere-command"];

impl Seed {
    /// See the module: the Sandbox at a real region's size.
    pub fn sandbox_at_region_scale() -> Self {
        let mut seed = Self::sandbox();
        let Some(eastus) = seed.catalog.iter_mut().find(|c| c.location == "eastus") else {
            return seed;
        };
        let Some(template) = eastus.models.iter().find(|e| e.model.name == "gpt-4o-mini").cloned() else {
            return seed;
        };
        let mut names = Vec::new();
        for i in 0..CATALOG_SIZE.saturating_sub(eastus.models.len()) {
            let mut entry = template.clone();
            let name = format!("{}-ft-{:03}", FAMILIES[i % FAMILIES.len()], i);
            for sku in &mut entry.model.skus {
                sku.usage_name = Some(format!("OpenAI.{}.{name}", sku.name));
            }
            entry.model.name = name.clone();
            entry.model.extra.remove("modelCatalogAssetId");
            eastus.models.push(entry);
            names.push(name);
        }
        seed.accounts.push(AccountSeed {
            subscription_id: SUBSCRIPTION_ID.into(),
            resource_group: GROUP_EAST.into(),
            name: ACCOUNT_LARGE.into(),
            kind: "OpenAI".into(),
            location: "eastus".into(),
            sku: "S0".into(),
            tags: Default::default(),
            disable_local_auth: false,
            keys: None,
        });
        for (i, model) in names.iter().cycle().take(DEPLOYMENT_COUNT).enumerate() {
            seed.deployments.push(DeploymentSeed {
                subscription_id: SUBSCRIPTION_ID.into(),
                resource_group: GROUP_EAST.into(),
                account: ACCOUNT_LARGE.into(),
                name: format!("deployment-{i:03}"),
                sku_name: "GlobalStandard".into(),
                capacity: 1 + (i as u64 % 50),
                model_format: "OpenAI".into(),
                model_name: model.clone(),
                model_version: template.model.version.clone(),
                rai_policy_name: Some("Microsoft.DefaultV2".into()),
                deployment_state: None,
            });
        }
        seed.quotas = default_quotas(&seed);
        seed
    }

    /// A seed by the name `FOUNDRY_SIM_SEED` gives: `sandbox` or `region-scale`.
    pub fn named(name: &str) -> Option<Self> {
        match name.trim() {
            "sandbox" => Some(Self::sandbox()),
            "region-scale" => Some(Self::sandbox_at_region_scale()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_region_has_700_models_and_the_large_account_300_deployments() {
        let seed = Seed::sandbox_at_region_scale();
        let eastus = seed.catalog.iter().find(|c| c.location == "eastus").unwrap();
        assert_eq!(eastus.models.len(), CATALOG_SIZE);
        assert_eq!(seed.deployments.iter().filter(|d| d.account == ACCOUNT_LARGE).count(), DEPLOYMENT_COUNT);
        let usage = "OpenAI.GlobalStandard.phi-4-ft-003";
        assert!(seed.quotas.iter().any(|q| q.usage_name == usage), "each synthetic model has its quota");
    }
}
