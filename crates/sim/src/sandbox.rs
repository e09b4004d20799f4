//! The default seed: what the Sandbox and every test start with unless given a seed file. Its people (Ada and
//! her colleagues, a group, an application) and who may do what are in `people`.

mod people;

use std::collections::BTreeMap;

use serde_json::json;

use crate::catalog::region_catalog;
use crate::seed::{
    AccountSeed, DeploymentSeed, QuotaSeed, RaiPolicySeed, ResourceGroupSeed, Seed, SubscriptionSeed,
    TenantSeed,
};

/// The Sandbox tenant.
pub const TENANT_ID: &str = "5f1c0a2e-8d3b-4c6a-9e7f-0a1b2c3d4e5f";
/// The Sandbox subscription.
pub const SUBSCRIPTION_ID: &str = "8c2d4e6f-1a3b-4c5d-8e7f-9a0b1c2d3e4f";
/// The Sandbox resource group in East US.
pub const GROUP_EAST: &str = "rg-foundry-sandbox";
/// The Sandbox resource group in Sweden Central.
pub const GROUP_SWEDEN: &str = "rg-foundry-eu";
/// The OpenAI account in East US.
pub const ACCOUNT_OPENAI: &str = "contoso-openai-eastus";
/// The AIServices account in Sweden Central.
pub const ACCOUNT_AISERVICES: &str = "contoso-ai-swedencentral";

/// A second tenant the Sandbox user belongs to, added by [`Seed::with_second_tenant`].
pub const SECOND_TENANT_ID: &str = "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f";
/// The second tenant's only subscription (no resources in it).
pub const SECOND_SUBSCRIPTION_ID: &str = "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b";

/// A colleague of Ada with no role anywhere: the person a test grants access to.
pub const COLLEAGUE_OID: &str = "6a1f2b3c-4d5e-4f60-8172-93a4b5c6d7e8";
/// The colleague's sign-in name.
pub const COLLEAGUE_UPN: &str = "grace@contoso.com";
/// The colleague's display name.
pub const COLLEAGUE_NAME: &str = "Grace Hopper";
/// A member of [`GROUP_NAME`], and so an OpenAI User of [`ACCOUNT_OPENAI`].
pub const ALAN_OID: &str = "7b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0";
/// Alan's sign-in name.
pub const ALAN_UPN: &str = "alan@contoso.com";
/// Monitoring Reader on [`GROUP_EAST`].
pub const KATHERINE_OID: &str = "8c3d4e5f-6071-4283-94a5-b6c7d8e9f0a1";
/// Katherine's sign-in name.
pub const KATHERINE_UPN: &str = "katherine@contoso.com";
/// The security group with Cognitive Services OpenAI User on [`ACCOUNT_OPENAI`] (Alan is in it, Grace is not).
pub const GROUP_OID: &str = "9d4e5f60-7182-4394-a5b6-c7d8e9f0a1b2";
/// The group's display name.
pub const GROUP_NAME: &str = "AI Platform team";
/// The service principal with Cognitive Services User on [`ACCOUNT_OPENAI`].
pub const APP_OID: &str = "ae5f6071-8293-44a5-b6c7-d8e9f0a1b2c3";
/// Its application (client) id.
pub const APP_ID: &str = "bf607182-93a4-45b6-97d8-e9f0a1b2c3d4";
/// Its display name.
pub const APP_NAME: &str = "contoso-chat-app";

/// Regions with a catalog and quota.
pub const REGIONS: [&str; 2] = ["eastus", "swedencentral"];

impl Seed {
    /// This world plus a second tenant ("Fabrikam") with an empty subscription of its own: for trying
    /// tenant choice, where each tenant lists only its own subscriptions.
    pub fn with_second_tenant(mut self) -> Self {
        self.tenants.push(TenantSeed {
            tenant_id: SECOND_TENANT_ID.into(),
            display_name: "Fabrikam".into(),
            default_domain: "fabrikam.onmicrosoft.com".into(),
        });
        self.subscriptions.push(SubscriptionSeed {
            subscription_id: SECOND_SUBSCRIPTION_ID.into(),
            display_name: "Fabrikam Research".into(),
            tenant_id: SECOND_TENANT_ID.into(),
            state: "Enabled".into(),
            managed_by_tenants: Vec::new(),
            tags: BTreeMap::new(),
        });
        self
    }

    /// The built-in Sandbox world, the same on every run.
    pub fn sandbox() -> Self {
        let sub = SUBSCRIPTION_ID.to_string();
        let mut seed = Seed {
            tenants: vec![TenantSeed {
                tenant_id: TENANT_ID.into(),
                display_name: "Contoso (Sandbox)".into(),
                default_domain: "contoso-sandbox.onmicrosoft.com".into(),
            }],
            subscriptions: vec![SubscriptionSeed {
                subscription_id: sub.clone(),
                display_name: "Foundry Sandbox".into(),
                tenant_id: TENANT_ID.into(),
                state: "Enabled".into(),
                managed_by_tenants: Vec::new(),
                tags: BTreeMap::new(),
            }],
            resource_groups: vec![
                ResourceGroupSeed {
                    subscription_id: sub.clone(),
                    name: GROUP_EAST.into(),
                    location: "eastus".into(),
                },
                ResourceGroupSeed {
                    subscription_id: sub.clone(),
                    name: GROUP_SWEDEN.into(),
                    location: "swedencentral".into(),
                },
            ],
            accounts: vec![
                account(GROUP_EAST, ACCOUNT_OPENAI, "OpenAI", "eastus"),
                account(GROUP_SWEDEN, ACCOUNT_AISERVICES, "AIServices", "swedencentral"),
            ],
            deployments: vec![
                deployment(
                    GROUP_EAST,
                    ACCOUNT_OPENAI,
                    "gpt-4o",
                    "GlobalStandard",
                    50,
                    ("OpenAI", "gpt-4o", "2024-11-20"),
                ),
                deployment(
                    GROUP_EAST,
                    ACCOUNT_OPENAI,
                    "gpt-4o-mini",
                    "Standard",
                    30,
                    ("OpenAI", "gpt-4o-mini", "2024-07-18"),
                ),
                deployment(
                    GROUP_EAST,
                    ACCOUNT_OPENAI,
                    "embeddings",
                    "Standard",
                    20,
                    ("OpenAI", "text-embedding-3-small", "1"),
                ),
                deployment(
                    GROUP_SWEDEN,
                    ACCOUNT_AISERVICES,
                    "o4-mini",
                    "GlobalStandard",
                    20,
                    ("OpenAI", "o4-mini", "2025-04-16"),
                ),
                deployment(
                    GROUP_SWEDEN,
                    ACCOUNT_AISERVICES,
                    "mistral-large",
                    "GlobalStandard",
                    1,
                    ("Mistral AI", "Mistral-Large-2411", "2"),
                ),
            ],
            rai_policies: vec![RaiPolicySeed {
                subscription_id: sub.clone(),
                resource_group: GROUP_EAST.into(),
                account: ACCOUNT_OPENAI.into(),
                name: "contoso-strict".into(),
                properties: json!({
                    "basePolicyName": "Microsoft.DefaultV2",
                    "mode": "Blocking",
                    "type": "UserManaged",
                    "contentFilters": crate::rai::content_filters("Low"),
                }),
            }],
            quotas: Vec::new(),
            catalog: REGIONS.iter().map(|region| region_catalog(region)).collect(),
            directories: vec![people::directory()],
            role_assignments: people::role_assignments(),
        };
        seed.quotas = default_quotas(&seed);
        seed
    }
}

fn account(group: &str, name: &str, kind: &str, location: &str) -> AccountSeed {
    AccountSeed {
        subscription_id: SUBSCRIPTION_ID.into(),
        resource_group: group.into(),
        name: name.into(),
        kind: kind.into(),
        location: location.into(),
        sku: "S0".into(),
        tags: [("environment".to_string(), "sandbox".to_string())].into_iter().collect(),
        disable_local_auth: false,
        keys: None,
    }
}

fn deployment(
    group: &str,
    account: &str,
    name: &str,
    sku: &str,
    capacity: u64,
    (format, model, version): (&str, &str, &str),
) -> DeploymentSeed {
    DeploymentSeed {
        subscription_id: SUBSCRIPTION_ID.into(),
        resource_group: group.into(),
        account: account.into(),
        name: name.into(),
        sku_name: sku.into(),
        capacity,
        model_format: format.into(),
        model_name: model.into(),
        model_version: version.into(),
        rai_policy_name: Some("Microsoft.DefaultV2".into()),
        deployment_state: None,
    }
}

/// A limit for every usage name the catalog of each region mentions, per subscription.
pub fn default_quotas(seed: &Seed) -> Vec<QuotaSeed> {
    let mut quotas = Vec::new();
    for sub in &seed.subscriptions {
        for region in &seed.catalog {
            let mut names: Vec<&str> = region
                .models
                .iter()
                .flat_map(|entry| entry.model.skus.iter().filter_map(|sku| sku.usage_name.as_deref()))
                .collect();
            names.sort_unstable();
            names.dedup();
            for usage_name in names {
                quotas.push(QuotaSeed {
                    subscription_id: sub.subscription_id.clone(),
                    location: region.location.clone(),
                    usage_name: usage_name.into(),
                    limit: default_limit(usage_name),
                    localized_name: None,
                });
            }
        }
    }
    quotas
}

fn default_limit(usage_name: &str) -> u64 {
    let sku = usage_name.split('.').nth(1).unwrap_or_default();
    match sku {
        _ if usage_name == "OpenAI.Standard.gpt-4o" => 150,
        "Standard" | "DataZoneStandard" => 300,
        "GlobalStandard" if usage_name.ends_with("MaaS") => 10,
        "GlobalStandard" => 1000,
        "ProvisionedManaged" | "GlobalProvisionedManaged" => 100,
        "GlobalBatch" => 50_000,
        _ => 100,
    }
}

impl Seed {
    /// The Sandbox plus `n` subscriptions (`00000000-0000-4000-9000-{i:012}`, named `sub-{i}`, group `rg-ai`)
    /// with `i + 1` OpenAI accounts each (`acct-{i}-{a}`): for fan-out tests and benchmarks.
    pub fn sandbox_with_subscriptions(n: usize) -> Self {
        let mut seed = Self::sandbox();
        let tenant = TENANT_ID.to_string();
        for i in 0..n {
            let subscription = format!("00000000-0000-4000-9000-{i:012}");
            seed.subscriptions.push(SubscriptionSeed {
                subscription_id: subscription.clone(),
                display_name: format!("sub-{i}"),
                tenant_id: tenant.clone(),
                state: "Enabled".into(),
                managed_by_tenants: vec![],
                tags: Default::default(),
            });
            seed.resource_groups.push(ResourceGroupSeed {
                subscription_id: subscription.clone(),
                name: "rg-ai".into(),
                location: "eastus".into(),
            });
            for a in 0..=i {
                seed.accounts.push(AccountSeed {
                    subscription_id: subscription.clone(),
                    resource_group: "rg-ai".into(),
                    name: format!("acct-{i}-{a}"),
                    kind: "OpenAI".into(),
                    location: "eastus".into(),
                    sku: "S0".into(),
                    tags: Default::default(),
                    disable_local_auth: false,
                    keys: None,
                });
            }
        }
        seed
    }
}
