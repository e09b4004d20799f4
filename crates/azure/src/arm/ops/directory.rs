use crate::arm::client::roles;
use crate::arm::models::{ResourceGroup, Subscription, Tenant};
use crate::arm::ArmClient;
use crate::error::AzureError;

impl ArmClient {
    /// Tenants the signed-in identity belongs to.
    pub async fn list_tenants(&self) -> Result<Vec<Tenant>, AzureError> {
        self.list(self.url("/tenants", &self.api.subscriptions, &[])?, roles::READER).await
    }

    /// Subscriptions the identity can see.
    pub async fn list_subscriptions(&self) -> Result<Vec<Subscription>, AzureError> {
        self.list(self.url("/subscriptions", &self.api.subscriptions, &[])?, roles::READER).await
    }

    /// Resource groups of a subscription.
    pub async fn list_resource_groups(&self, subscription: &str) -> Result<Vec<ResourceGroup>, AzureError> {
        let path = format!("/subscriptions/{subscription}/resourcegroups");
        self.list(self.url(&path, &self.api.resource_groups, &[])?, roles::READER).await
    }
}
