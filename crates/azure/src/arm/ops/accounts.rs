use crate::arm::client::{path_segment, roles};
use crate::arm::models::{Account, AccountKeys, KeyName, Model, RaiPolicy, RegenerateKeyRequest, Usage};
use crate::arm::{AccountRef, ArmClient};
use crate::error::AzureError;

impl ArmClient {
    /// Cognitive Services accounts of a subscription, or of one resource group.
    pub async fn list_accounts(
        &self,
        subscription: &str,
        resource_group: Option<&str>,
    ) -> Result<Vec<Account>, AzureError> {
        let path = match resource_group {
            Some(group) => format!(
                "/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.CognitiveServices/accounts"
            ),
            None => format!("/subscriptions/{subscription}/providers/Microsoft.CognitiveServices/accounts"),
        };
        self.list(self.url(&path, &self.api.cognitive_services, &[])?, roles::READER).await
    }

    /// One account.
    pub async fn get_account(&self, account: &AccountRef) -> Result<Account, AzureError> {
        self.get(self.url(&account.path(), &self.api.cognitive_services, &[])?, roles::READER).await
    }

    /// The account's two keys (a write, as far as ARM throttling counts).
    pub async fn list_keys(&self, account: &AccountRef) -> Result<AccountKeys, AzureError> {
        let url = self.url(&format!("{}/listKeys", account.path()), &self.api.cognitive_services, &[])?;
        self.action(account, url, None, roles::CONTRIBUTOR, false).await
    }

    /// Replaces one key; the other keeps working, so rotate one at a time.
    pub async fn regenerate_key(
        &self,
        account: &AccountRef,
        key: KeyName,
    ) -> Result<AccountKeys, AzureError> {
        let url =
            self.url(&format!("{}/regenerateKey", account.path()), &self.api.cognitive_services, &[])?;
        let body = serde_json::to_value(RegenerateKeyRequest { key_name: key }).ok();
        self.action(account, url, body, roles::CONTRIBUTOR, true).await
    }

    /// The models this account can deploy.
    pub async fn list_account_models(&self, account: &AccountRef) -> Result<Vec<Model>, AzureError> {
        let url = self.url(&format!("{}/models", account.path()), &self.api.cognitive_services, &[])?;
        self.list(url, roles::OPENAI_USER).await
    }

    /// Quota use of this account.
    pub async fn list_account_usages(&self, account: &AccountRef) -> Result<Vec<Usage>, AzureError> {
        let url = self.url(&format!("{}/usages", account.path()), &self.api.cognitive_services, &[])?;
        self.list(url, roles::USAGES_READER).await
    }

    /// The account's content-filter policies.
    pub async fn list_rai_policies(&self, account: &AccountRef) -> Result<Vec<RaiPolicy>, AzureError> {
        let url = self.url(&format!("{}/raiPolicies", account.path()), &self.api.cognitive_services, &[])?;
        self.list(url, roles::OPENAI_USER).await
    }

    /// One content-filter policy.
    pub async fn get_rai_policy(&self, account: &AccountRef, name: &str) -> Result<RaiPolicy, AzureError> {
        let name = path_segment("content filter", name)?;
        let url =
            self.url(&format!("{}/raiPolicies/{name}", account.path()), &self.api.cognitive_services, &[])?;
        self.get(url, roles::OPENAI_USER).await
    }
}
