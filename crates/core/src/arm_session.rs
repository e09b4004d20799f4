//! A Resource Manager session for one identity: the ARM client, and which subscription a command works in.

use std::sync::Arc;

use foundry_azure::arm::models::Subscription;
use foundry_azure::arm::{ApiVersions, ArmClient};
use foundry_azure::cloud::Cloud;
use foundry_azure::graph::GraphClient;
use foundry_azure::http::{Pipeline, RetryPolicy};
use foundry_azure::network::NetworkOptions;
use foundry_azure::token::TokenSource;
use foundry_azure::AzureError;

/// The ARM client of one identity.
#[derive(Clone)]
pub struct ArmSession {
    /// The typed client every call goes through.
    pub client: ArmClient,
    /// Microsoft Graph for the same identity: names of the principals that hold roles.
    pub graph: GraphClient,
}

impl ArmSession {
    /// A session against `cloud`'s Resource Manager, authenticating with `tokens`, over `network` and
    /// sending `api`'s versions.
    pub fn new(
        cloud: &Cloud,
        tokens: Arc<dyn TokenSource>,
        network: &NetworkOptions,
        api: ApiVersions,
    ) -> Result<Self, AzureError> {
        let pipeline = Pipeline::new(network.arm_client()?, tokens, RetryPolicy::default());
        let graph = GraphClient::new(cloud, pipeline.clone());
        let mut client = ArmClient::with_pipeline(cloud, pipeline);
        client.api = api;
        Ok(Self { client, graph })
    }
}

/// Why no subscription could be chosen without asking.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SubscriptionChoiceError {
    /// The identity sees no subscription at all.
    #[error("this identity cannot see any subscription")]
    NoneVisible,
    /// More than one: the user must say which.
    #[error("this identity can see {} subscriptions; choose one", .0.len())]
    Ambiguous(Vec<Subscription>),
    /// Listing them failed.
    #[error(transparent)]
    Azure(#[from] AzureError),
}

/// The subscription to use: the one given, else the only one the identity sees.
pub async fn resolve_subscription(
    client: &ArmClient,
    given: Option<&str>,
) -> Result<String, SubscriptionChoiceError> {
    if let Some(given) = given.map(str::trim).filter(|s| !s.is_empty()) {
        return Ok(given.to_string());
    }
    choose_subscription(client.list_subscriptions().await?)
}

/// The only subscription of a list, or why there is not exactly one.
pub fn choose_subscription(mut visible: Vec<Subscription>) -> Result<String, SubscriptionChoiceError> {
    match visible.len() {
        0 => Err(SubscriptionChoiceError::NoneVisible),
        1 => Ok(visible.remove(0).subscription_id),
        _ => Err(SubscriptionChoiceError::Ambiguous(visible)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(id: &str) -> Subscription {
        Subscription { subscription_id: id.into(), ..Subscription::default() }
    }

    #[test]
    fn the_only_subscription_is_chosen() {
        assert_eq!(choose_subscription(vec![sub("s1")]).unwrap(), "s1");
    }

    #[test]
    fn none_or_several_is_an_error_naming_them() {
        assert_eq!(choose_subscription(vec![]).unwrap_err(), SubscriptionChoiceError::NoneVisible);
        match choose_subscription(vec![sub("a"), sub("b")]).unwrap_err() {
            SubscriptionChoiceError::Ambiguous(subs) => assert_eq!(subs.len(), 2),
            other => panic!("{other:?}"),
        }
    }
}
