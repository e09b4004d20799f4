use crate::arm::client::roles;
use crate::arm::{AccountRef, ArmClient};
use crate::error::AzureError;
use crate::monitor::{Metrics, MetricsQuery};

impl ArmClient {
    /// The URL of a metrics query on an account: `{account}/providers/Microsoft.Insights/metrics?…`.
    pub fn account_metrics_url(
        &self,
        account: &AccountRef,
        query: &MetricsQuery,
    ) -> Result<String, AzureError> {
        let path = format!("{}/providers/Microsoft.Insights/metrics", account.path());
        // The metrics parameters are encoded by hand (see `odata`), after the api-version `url` adds.
        let mut url = self.url(&path, &self.api.monitor, &[])?;
        url.push('&');
        url.push_str(&query.query_string()?);
        Ok(url)
    }

    /// The account's platform metrics for `query` (needs Monitoring Reader, or any reader role).
    pub async fn account_metrics(
        &self,
        account: &AccountRef,
        query: &MetricsQuery,
    ) -> Result<Metrics, AzureError> {
        self.get(self.account_metrics_url(account, query)?, roles::MONITORING_READER).await
    }
}
