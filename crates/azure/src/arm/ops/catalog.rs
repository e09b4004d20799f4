use crate::arm::client::roles;
use crate::arm::models::{CatalogModel, ModelCapacity, Usage};
use crate::arm::ArmClient;
use crate::error::AzureError;

/// Which model a capacity question is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelQuery<'a> {
    pub format: &'a str,
    pub name: &'a str,
    pub version: &'a str,
}

impl ArmClient {
    fn provider(subscription: &str) -> String {
        format!("/subscriptions/{subscription}/providers/Microsoft.CognitiveServices")
    }

    /// The model catalog of a region (a real one is a single ~700 KB page).
    pub async fn list_region_models(
        &self,
        subscription: &str,
        location: &str,
    ) -> Result<Vec<CatalogModel>, AzureError> {
        let path = format!("{}/locations/{location}/models", Self::provider(subscription));
        self.list(self.url(&path, &self.api.cognitive_services, &[])?, roles::READER).await
    }

    /// Quota of a region: per usage name (e.g. `OpenAI.Standard.gpt-4o`), limit and current use.
    pub async fn list_region_usages(
        &self,
        subscription: &str,
        location: &str,
    ) -> Result<Vec<Usage>, AzureError> {
        let path = format!("{}/locations/{location}/usages", Self::provider(subscription));
        self.list(self.url(&path, &self.api.cognitive_services, &[])?, roles::USAGES_READER).await
    }

    /// Capacity available for a model, in every region (`location: None`) or one.
    pub async fn list_model_capacities(
        &self,
        subscription: &str,
        location: Option<&str>,
        model: &ModelQuery<'_>,
    ) -> Result<Vec<ModelCapacity>, AzureError> {
        let path = match location {
            Some(location) => {
                format!("{}/locations/{location}/modelCapacities", Self::provider(subscription))
            }
            None => format!("{}/modelCapacities", Self::provider(subscription)),
        };
        let query =
            [("modelFormat", model.format), ("modelName", model.name), ("modelVersion", model.version)];
        self.list(self.url(&path, &self.api.cognitive_services, &query)?, roles::READER).await
    }
}
