//! Usage and prices over a profile: an account's usage report, the price of a deployment the wizard is
//! about to create, and the prices of the deployment a conversation talks to. Prices are cached in the
//! data folder (`prices.json`) and priced in the settings' currency.

use foundry_azure::arm::models::Model;
use std::time::Duration;

use foundry_azure::arm::AccountRef;
use foundry_azure::http::RetryPolicy;
use foundry_azure::prices::{PriceBook, PriceCache, RetailPrices};

use super::{ConnectionError, Connections};
use crate::conversations::ConversationTarget;
use crate::profiles::{Connection, Profile};
use crate::usage::{self, PriceQuote, UsageRange, UsageReport};

/// The file retail prices are cached in, in the data folder.
pub const PRICES_FILE: &str = "prices.json";

impl Connections {
    /// What each deployment of `account` served over `range`, how close it ran to its limit, and what
    /// it cost. A 403 on the metrics names the Monitoring Reader role.
    pub async fn usage_report(
        &self,
        profile_id: &str,
        account: &AccountRef,
        range: UsageRange,
    ) -> Result<UsageReport, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let prices = self.price_book(&profile).await?;
        let currency = self.network().currency().to_string();
        usage::usage_report(&arm, &prices, account, range, &currency, chrono::Utc::now())
            .await
            .map_err(|e| self.azure(&profile, e))
    }

    /// What a deployment of `model` at `version` as `sku` with `capacity` would cost in `account`.
    pub async fn deployment_price(
        &self,
        profile_id: &str,
        account: &AccountRef,
        model: (&str, Option<&str>),
        sku: &str,
        capacity: u32,
    ) -> Result<PriceQuote, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let models = arm.list_account_models(account).await.map_err(|e| self.azure(&profile, e))?;
        self.quote(&profile, &models, model, sku, Some(capacity)).await
    }

    /// The prices of the deployment `target` talks to. An endpoint + key profile cannot see its SKU,
    /// which decides the price: its quote says so.
    pub async fn answer_price(&self, target: &ConversationTarget) -> Result<PriceQuote, ConnectionError> {
        let profile = self.profile(&target.profile_id)?;
        let currency = self.network().currency().to_string();
        if matches!(profile.connection, Connection::EndpointKey { .. }) {
            return Ok(PriceQuote::unavailable(
                &currency,
                "an endpoint + key profile cannot see the deployment's SKU, which decides its price; \
                 a profile signed in to Azure can",
            ));
        }
        let arm = self.arm(&profile).await?;
        let Some(account) = self.account_of(&profile, target).await? else {
            return Ok(PriceQuote::unavailable(&currency, "the deployment's resource was not found"));
        };
        let (deployment, models) = futures_util::join!(
            arm.get_deployment(&account, &target.deployment),
            arm.list_account_models(&account)
        );
        let deployment = deployment.map_err(|e| self.azure(&profile, e))?;
        let models = models.map_err(|e| self.azure(&profile, e))?;
        let Some(sku) = deployment.sku.as_ref() else {
            return Ok(PriceQuote::unavailable(&currency, "Azure does not say the deployment's SKU"));
        };
        let model = &deployment.properties.model;
        self.quote(
            &profile,
            &models,
            (&model.name, model.version.as_deref()),
            sku.name.as_str(),
            sku.capacity,
        )
        .await
    }

    async fn quote(
        &self,
        profile: &Profile,
        models: &[Model],
        model: (&str, Option<&str>),
        sku: &str,
        capacity: Option<u32>,
    ) -> Result<PriceQuote, ConnectionError> {
        let prices = self.price_book(profile).await?;
        let currency = self.network().currency().to_string();
        Ok(usage::quote_for(&prices, models, model, sku, capacity, &currency, None).await)
    }

    /// The Retail Prices API of the profile's cloud (the Sandbox's is the simulator), over the network
    /// settings in effect, cached in the data folder.
    async fn price_book(&self, profile: &Profile) -> Result<PriceBook, ConnectionError> {
        let cloud = self.cloud(profile).await?;
        let http = self.network().arm_http().map_err(ConnectionError::Azure)?;
        // Prices are a nicety beside the usage: a price list that does not answer is given up on
        // quickly (the last known prices are used), rather than retried for a minute.
        let client = RetailPrices::new(&cloud, http).with_retry(RetryPolicy {
            max_attempts: 2,
            base_delay: Duration::from_millis(300),
            max_delay: Duration::from_secs(5),
        });
        Ok(PriceBook::new(client, PriceCache::new(self.data_dir.join(PRICES_FILE))))
    }

    /// The account a conversation's endpoint belongs to, among those the profile sees.
    async fn account_of(
        &self,
        profile: &Profile,
        target: &ConversationTarget,
    ) -> Result<Option<AccountRef>, ConnectionError> {
        let arm = self.arm(profile).await?;
        let subscriptions = arm.list_subscriptions().await.map_err(|e| self.azure(profile, e))?;
        let ids: Vec<String> = subscriptions.into_iter().map(|s| s.subscription_id).collect();
        let same_endpoint = |endpoint: &Option<String>| {
            endpoint
                .as_deref()
                .is_some_and(|e| e.trim_end_matches('/') == target.endpoint.trim_end_matches('/'))
        };
        for listed in crate::inventory::accounts_in(&arm, &ids, crate::inventory::DEFAULT_IN_FLIGHT).await {
            let found = listed
                .accounts
                .unwrap_or_default()
                .into_iter()
                .find(|a| same_endpoint(&a.properties.endpoint))
                .and_then(|a| AccountRef::from_id(&a.id));
            if found.is_some() {
                return Ok(found);
            }
        }
        Ok(None)
    }
}
