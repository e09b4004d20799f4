//! Typed ARM resources, tolerant of what real traffic sends.
//!
//! Every type ignores fields it does not know, decodes Azure's extensible string enums into open enums
//! that keep unknown values verbatim, and re-encodes with Azure's spelling, omitting what was absent.

mod access;
mod account;
mod arm_error;
mod capacity;
mod catalog;
mod deployment;
mod deployment_sku;
mod directory;
pub(crate) mod lenient;
mod open_enum;
mod page;
mod provisioning;
mod rai_policy;
mod rate_limit;
mod system_data;
mod usage;

pub use access::{
    any_allows_action, any_allows_data_action, Permission, RoleAssignment, RoleAssignmentCreate,
    RoleAssignmentCreateProperties, RoleAssignmentProperties, RoleDefinition, RoleDefinitionProperties,
};
pub use account::{
    Account, AccountCapability, AccountKeys, AccountKind, AccountPatch, AccountPatchProperties,
    AccountProperties, AccountSku, CheckSkuAvailabilityRequest, KeyName, RegenerateKeyRequest,
    SkuAvailability,
};
pub use arm_error::{ArmErrorBody, ArmErrorDetail};
pub use capacity::{ModelCapacity, ModelCapacityProperties};
pub use catalog::{
    BillingMeter, CatalogModel, LifecycleStatus, Model, ModelDeprecation, ModelSku, ReplacementConfig,
};
pub use deployment::{
    Deployment, DeploymentCreate, DeploymentCreateProperties, DeploymentModel, DeploymentPatch,
    DeploymentProperties, DeploymentState, ServiceTier, VersionUpgradeOption,
};
pub use deployment_sku::{CapacityRange, DeploymentSku, DeploymentSkuOption, SkuName};
pub use directory::{
    ManagedByTenant, ResourceGroup, ResourceGroupProperties, Subscription, SubscriptionPolicies, Tenant,
};
pub use page::Page;
pub use provisioning::{OperationStatus, ProvisioningState};
pub use rai_policy::{ContentFilter, CustomBlocklist, RaiPolicy, RaiPolicyProperties};
pub use rate_limit::{RateLimit, RequestMatchPattern};
pub use system_data::SystemData;
pub use usage::{Usage, UsageName};
