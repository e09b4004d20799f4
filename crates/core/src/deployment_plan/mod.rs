//! The deployment wizard's rules, shared by the app and `fdesk`: which models and deployment types can be
//! chosen and why not, what a capacity means in tokens and requests per minute and whether the quota
//! allows it, when a model version retires, and the exact request (and `az` command) a create sends.

mod changes;
mod dates;
mod draft_check;
mod models;
mod request;
mod skus;
mod table;

pub use changes::{change_preview, check_change, ChangeRequest, DeploymentChange};
pub use dates::{days_until, parse_day, today, Day};
pub use draft_check::{
    check_draft, gather_facts, named_quotas, DraftField, DraftProblem, NamedQuota, Plan, PlanFacts,
};
pub use models::{
    model_choices, retirement_warning, search, Capabilities, ModelChoice, RETIREMENT_WARNING_DAYS,
};
pub use request::{az_command, create_request, deployment_url, RequestPreview};
pub use skus::{
    check_capacity, explain_sku, quota_for, sku_choices, CapacityFacts, CapacityProblem, Quota, SkuChoice,
    QUOTA_REQUEST_URL,
};
pub use table::{deployment_rows, DeploymentRow, DeploymentStatus};

#[cfg(test)]
mod change_tests;
#[cfg(test)]
mod tests;
