//! The simulated Azure's state: subscriptions, groups, accounts with their keys, deployments and
//! content filters, quota limits and the region catalogs. Lookups are case-insensitive, as ARM's are.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::ids;
use crate::seed::{
    CatalogEntry, DeploymentSeed, QuotaSeed, RegionCatalog, ResourceGroupSeed, Seed, SubscriptionSeed,
    TenantSeed,
};

/// Everything the simulator knows.
pub struct World {
    /// Tenants.
    pub tenants: Vec<TenantSeed>,
    /// Subscriptions.
    pub subscriptions: Vec<SubscriptionSeed>,
    /// Resource groups.
    pub groups: Vec<ResourceGroupSeed>,
    /// Accounts with their children.
    pub accounts: Vec<Account>,
    /// Quota limits.
    pub quotas: Vec<QuotaSeed>,
    /// Region catalogs.
    pub catalog: Vec<RegionCatalog>,
    /// Long-running operations by id.
    pub operations: HashMap<String, crate::arm::lro::Operation>,
    /// Directories and role assignments.
    pub access: crate::access::AccessBook,
}

/// A Cognitive Services account.
pub struct Account {
    /// Owning subscription (as seeded).
    pub subscription_id: String,
    /// Owning group.
    pub resource_group: String,
    /// Name.
    pub name: String,
    /// OpenAI, AIServices…
    pub kind: String,
    /// Region.
    pub location: String,
    /// Account SKU.
    pub sku: String,
    /// Tags.
    pub tags: BTreeMap<String, String>,
    /// Keys refused when true.
    pub disable_local_auth: bool,
    /// key1, key2.
    pub keys: [String; 2],
    /// Deployments.
    pub deployments: Vec<Deployment>,
    /// `(name, properties)` of its content-filter policies, built-ins first.
    pub rai_policies: Vec<(String, Value)>,
    /// The id of the operation still running on it: a second mutation meanwhile is a 409.
    pub busy_with: Option<String>,
}

/// A model deployment.
#[derive(Clone, Debug)]
pub struct Deployment {
    /// Name.
    pub name: String,
    /// SKU name.
    pub sku_name: String,
    /// Capacity.
    pub capacity: u64,
    /// `(format, name, version)`.
    pub model: (String, String, String),
    /// The quota it draws from.
    pub usage_name: Option<String>,
    /// Requests per minute per unit of capacity.
    pub rpm_per_unit: u64,
    /// Capabilities copied from the catalog.
    pub capabilities: BTreeMap<String, String>,
    /// Content filter.
    pub rai_policy_name: Option<String>,
    /// Upgrade policy.
    pub version_upgrade_option: Option<String>,
    /// Running or Paused.
    pub deployment_state: String,
    /// Default or Priority, when given.
    pub service_tier: Option<String>,
    /// Accepted, Creating, Updating, Succeeded, Failed, Deleting.
    pub provisioning_state: String,
    /// Tags.
    pub tags: BTreeMap<String, String>,
}

/// SKUs without per-minute rate limits: provisioned capacity is PTUs, throttled by utilisation rather than
/// by a tokens-per-minute count, and batch work is bounded by enqueued tokens, not by a per-minute rate.
const UNRATED_SKUS: [&str; 5] = [
    "ProvisionedManaged",
    "GlobalProvisionedManaged",
    "DataZoneProvisionedManaged",
    "GlobalBatch",
    "DataZoneBatch",
];

impl Deployment {
    /// Its per-minute `(requests, tokens)` limits: capacity × `rpm_per_unit` requests and capacity × 1000
    /// tokens for pay-as-you-go SKUs, none for provisioned and batch ones (SKU names compared without case,
    /// as ARM takes them).
    pub fn per_minute_limits(&self) -> Option<(u64, u64)> {
        let unrated = UNRATED_SKUS.iter().any(|sku| sku.eq_ignore_ascii_case(&self.sku_name));
        (!unrated)
            .then(|| (self.capacity.saturating_mul(self.rpm_per_unit), self.capacity.saturating_mul(1000)))
    }
}

impl World {
    /// Builds the world from a seed (keys are random unless the seed fixes them).
    pub fn from_seed(mut seed: Seed) -> Self {
        let access = crate::access::AccessBook::from_seed(
            std::mem::take(&mut seed.directories),
            std::mem::take(&mut seed.role_assignments),
            &seed.tenants,
            &seed.subscriptions,
        );
        let mut accounts: Vec<Account> = seed
            .accounts
            .into_iter()
            .map(|a| Account {
                keys: a.keys.unwrap_or_else(|| [ids::account_key(), ids::account_key()]),
                subscription_id: a.subscription_id,
                resource_group: a.resource_group,
                name: a.name,
                kind: a.kind,
                location: a.location,
                sku: a.sku,
                tags: a.tags,
                disable_local_auth: a.disable_local_auth,
                deployments: Vec::new(),
                rai_policies: crate::rai::builtin_policies(),
                busy_with: None,
            })
            .collect();
        for policy in seed.rai_policies {
            if let Some(account) = find_account_mut(
                &mut accounts,
                &policy.subscription_id,
                &policy.resource_group,
                &policy.account,
            ) {
                account.rai_policies.push((policy.name, policy.properties));
            }
        }
        let mut world = World {
            tenants: seed.tenants,
            subscriptions: seed.subscriptions,
            groups: seed.resource_groups,
            accounts: Vec::new(),
            quotas: seed.quotas,
            catalog: seed.catalog,
            operations: HashMap::new(),
            access,
        };
        for d in seed.deployments {
            let deployment = world_deployment(&world, &accounts, &d);
            if let Some(account) =
                find_account_mut(&mut accounts, &d.subscription_id, &d.resource_group, &d.account)
            {
                account.deployments.push(deployment);
            }
        }
        world.accounts = accounts;
        world
    }

    /// The subscription, if it exists.
    pub fn subscription(&self, sub: &str) -> Option<&SubscriptionSeed> {
        self.subscriptions.iter().find(|s| s.subscription_id.eq_ignore_ascii_case(sub))
    }

    /// The resource group, if it exists.
    pub fn group(&self, sub: &str, rg: &str) -> Option<&ResourceGroupSeed> {
        self.groups
            .iter()
            .find(|g| g.subscription_id.eq_ignore_ascii_case(sub) && g.name.eq_ignore_ascii_case(rg))
    }

    /// Index of the account, if it exists.
    pub fn account_index(&self, sub: &str, rg: &str, name: &str) -> Option<usize> {
        self.accounts.iter().position(|a| {
            a.subscription_id.eq_ignore_ascii_case(sub)
                && a.resource_group.eq_ignore_ascii_case(rg)
                && a.name.eq_ignore_ascii_case(name)
        })
    }

    /// The catalog entries of a region an account of `kind` may deploy (AIServices may deploy every format).
    pub fn catalog_for<'a>(
        &'a self,
        location: &str,
        kind: Option<&'a str>,
    ) -> impl Iterator<Item = &'a CatalogEntry> + 'a {
        let location = normalize_location(location);
        self.catalog
            .iter()
            .filter(move |c| normalize_location(&c.location) == location)
            .flat_map(|c| c.models.iter())
            .filter(move |e| match kind {
                Some(k) if k.eq_ignore_ascii_case("AIServices") => true,
                Some(k) => e.kind.eq_ignore_ascii_case(k),
                None => true,
            })
    }

    /// Quota used of `usage_name` in a region of a subscription: the sum of live deployments' capacity.
    pub fn quota_used(&self, sub: &str, location: &str, usage_name: &str) -> u64 {
        let location = normalize_location(location);
        self.accounts
            .iter()
            .filter(|a| {
                a.subscription_id.eq_ignore_ascii_case(sub) && normalize_location(&a.location) == location
            })
            .flat_map(|a| a.deployments.iter())
            .filter(|d| d.provisioning_state != "Failed")
            .filter(|d| d.usage_name.as_deref().is_some_and(|u| u.eq_ignore_ascii_case(usage_name)))
            .map(|d| d.capacity)
            .sum()
    }

    /// The quota limit of `usage_name` in a region of a subscription (0 when none is seeded).
    pub fn quota_limit(&self, sub: &str, location: &str, usage_name: &str) -> u64 {
        let location = normalize_location(location);
        self.quotas
            .iter()
            .find(|q| {
                q.subscription_id.eq_ignore_ascii_case(sub)
                    && normalize_location(&q.location) == location
                    && q.usage_name.eq_ignore_ascii_case(usage_name)
            })
            .map_or(0, |q| q.limit)
    }
}

/// Region names compare without case or spaces ("West US" = "westus" = "WestUS").
pub fn normalize_location(location: &str) -> String {
    location.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase()
}

fn find_account_mut<'a>(
    accounts: &'a mut [Account],
    sub: &str,
    rg: &str,
    name: &str,
) -> Option<&'a mut Account> {
    accounts.iter_mut().find(|a| {
        a.subscription_id.eq_ignore_ascii_case(sub)
            && a.resource_group.eq_ignore_ascii_case(rg)
            && a.name.eq_ignore_ascii_case(name)
    })
}

fn world_deployment(world: &World, accounts: &[Account], d: &DeploymentSeed) -> Deployment {
    let account = accounts.iter().find(|a| {
        a.subscription_id.eq_ignore_ascii_case(&d.subscription_id)
            && a.resource_group.eq_ignore_ascii_case(&d.resource_group)
            && a.name.eq_ignore_ascii_case(&d.account)
    });
    let entry = account.and_then(|a| {
        world.catalog_for(&a.location, None).find(|e| {
            e.model.format.eq_ignore_ascii_case(&d.model_format)
                && e.model.name.eq_ignore_ascii_case(&d.model_name)
                && e.model.version == d.model_version
        })
    });
    let sku = entry.and_then(|e| e.model.skus.iter().find(|s| s.name.eq_ignore_ascii_case(&d.sku_name)));
    Deployment {
        name: d.name.clone(),
        sku_name: d.sku_name.clone(),
        capacity: d.capacity,
        model: (d.model_format.clone(), d.model_name.clone(), d.model_version.clone()),
        usage_name: sku.and_then(|s| s.usage_name.clone()),
        rpm_per_unit: sku.map_or(6, rpm_per_unit),
        capabilities: entry.map(|e| e.model.capabilities.clone()).unwrap_or_default(),
        rai_policy_name: d.rai_policy_name.clone(),
        version_upgrade_option: Some("OnceNewDefaultVersionAvailable".into()),
        deployment_state: d.deployment_state.clone().unwrap_or_else(|| "Running".into()),
        service_tier: None,
        provisioning_state: "Succeeded".into(),
        tags: BTreeMap::new(),
    }
}

/// Requests-per-minute per unit of capacity, from a catalog SKU's `rateLimits` (6 when absent).
pub fn rpm_per_unit(sku: &crate::seed::CatalogSku) -> u64 {
    sku.extra
        .get("rateLimits")
        .and_then(Value::as_array)
        .and_then(|limits| limits.iter().find(|l| l["key"] == "request"))
        .and_then(|l| l["count"].as_u64())
        .unwrap_or(6)
}
