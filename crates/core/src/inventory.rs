//! The user's AI resources across subscriptions. People with many subscriptions wait for the slowest
//! list, not the sum of all: subscriptions are asked concurrently (bounded, so ARM's per-identity read
//! budget is not burnt at once), and each subscription's failure stays apart from the others' results.

use foundry_azure::arm::models::Account;
use foundry_azure::arm::ArmClient;
use foundry_azure::AzureError;
use futures_util::stream::{self, StreamExt};

/// How many subscriptions are listed at once.
pub const DEFAULT_IN_FLIGHT: usize = 8;

/// The accounts of one subscription, or why they could not be listed.
#[derive(Debug)]
pub struct SubscriptionAccounts {
    pub subscription: String,
    pub accounts: Result<Vec<Account>, AzureError>,
}

/// Lists the Cognitive Services accounts of every subscription, at most `in_flight` at a time (1 =
/// one after another). Results come back in the order of `subscriptions`.
pub async fn accounts_in(
    client: &ArmClient,
    subscriptions: &[String],
    in_flight: usize,
) -> Vec<SubscriptionAccounts> {
    // Owned ids: a closure over borrowed ones makes the future not `Send` for callers that need it
    // (the desktop shell's commands), through a higher-ranked lifetime the compiler cannot prove.
    stream::iter(subscriptions.to_vec())
        .map(|subscription| async move {
            let accounts = client.list_accounts(&subscription, None).await;
            SubscriptionAccounts { subscription, accounts }
        })
        .buffered(in_flight.max(1))
        .collect()
        .await
}
