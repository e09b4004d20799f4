//! Access control over a profile: who has which role on an account (named through Graph), granting and
//! revoking, "what can I do here?", and switching key authentication — with what that stops.

use foundry_azure::arm::AccountRef;
use foundry_azure::graph::GraphClient;
use foundry_azure::http::{Pipeline, RetryPolicy};

use super::{AccountView, ConnectionError, Connections, ProfileView};
use crate::access::{
    self, AccessReport, AffectedProfile, AssignmentView, KeyAuthImpact, MyAccess, PrincipalSearch,
    PrincipalView,
};
use crate::profiles::{Connection, Profile};

impl Connections {
    /// Microsoft Graph for the profile, over the network settings in effect.
    async fn graph(&self, profile: &Profile) -> Result<GraphClient, ConnectionError> {
        let cloud = self.cloud(profile).await?;
        let network = self.network();
        let pipeline = Pipeline::new(network.arm_http()?, self.tokens(profile)?, RetryPolicy::default());
        Ok(GraphClient::new(&cloud, pipeline))
    }

    /// Who has which role on `account` (direct and inherited), each named and explained, and whether
    /// keys are accepted there.
    pub async fn access_report(
        &self,
        profile_id: &str,
        account: &AccountRef,
    ) -> Result<AccessReport, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let (arm, graph) = (self.arm(&profile).await?, self.graph(&profile).await?);
        access::access_report(&arm, &graph, account).await.map_err(|e| self.azure(&profile, e))
    }

    /// People, groups and apps to grant a role to: by the start of a name or e-mail, or an object id.
    pub async fn find_principals(
        &self,
        profile_id: &str,
        query: &str,
    ) -> Result<PrincipalSearch, ConnectionError> {
        let profile = self.profile(profile_id)?;
        Ok(access::find_principals(&self.graph(&profile).await?, query).await)
    }

    /// Gives `principal` the role `role_id` on `account`. Azure's 403 names Owner or User Access
    /// Administrator; the new assignment takes up to five minutes to work.
    pub async fn grant_role(
        &self,
        profile_id: &str,
        account: &AccountRef,
        principal: &PrincipalView,
        role_id: &str,
    ) -> Result<AssignmentView, ConnectionError> {
        let profile = self.profile(profile_id)?;
        access::check_grant(&principal.id, role_id).map_err(ConnectionError::Input)?;
        let arm = self.arm(&profile).await?;
        access::grant(&arm, account, principal, role_id).await.map_err(|e| self.azure(&profile, e))
    }

    /// Removes a role assignment made on `account` (an inherited one is refused: remove it where it was
    /// made). `false` when it was already gone.
    pub async fn revoke_role(
        &self,
        profile_id: &str,
        account: &AccountRef,
        assignment_id: &str,
    ) -> Result<bool, ConnectionError> {
        let profile = self.profile(profile_id)?;
        access::check_revoke(account, assignment_id).map_err(ConnectionError::Input)?;
        let arm = self.arm(&profile).await?;
        arm.delete_role_assignment(assignment_id).await.map_err(|e| self.azure(&profile, e))
    }

    /// What the signed-in person can do on `account`, and which role would add each missing thing.
    pub async fn my_access(
        &self,
        profile_id: &str,
        account: &AccountRef,
    ) -> Result<MyAccess, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let (arm, graph) = (self.arm(&profile).await?, self.graph(&profile).await?);
        let fallback = match &profile.connection {
            Connection::AzureAccount { user, .. } => user.clone(),
            _ => None,
        };
        access::my_access(&arm, &graph, account, fallback).await.map_err(|e| self.azure(&profile, e))
    }

    /// The saved keys and endpoint + key profiles that would stop working if `account` refused keys.
    pub async fn key_auth_impact(
        &self,
        profile_id: &str,
        account: &AccountRef,
    ) -> Result<KeyAuthImpact, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let found = arm.get_account(account).await.map_err(|e| self.azure(&profile, e))?;
        let mut endpoints: Vec<String> = found.properties.endpoint.iter().cloned().collect();
        endpoints.extend(found.properties.endpoints.values().cloned());
        // The Sandbox (and `fdesk sim`) serve each endpoint on loopback: profiles saved there use that.
        let mut reachable = Vec::new();
        for endpoint in &endpoints {
            reachable.push(self.reachable_endpoint(&profile, endpoint).await?);
        }
        endpoints.extend(reachable);
        let mut wanted: Vec<String> = endpoints.iter().map(|e| same_endpoint(e)).collect();
        wanted.sort();
        wanted.dedup();

        let mut saved_keys = Vec::new();
        for endpoint in &endpoints {
            if let Ok(Some(key)) = self.keys().show(endpoint) {
                if !saved_keys.contains(&key.endpoint) {
                    saved_keys.push(key.endpoint);
                }
            }
        }
        let profiles = self
            .profiles()
            .list()?
            .into_iter()
            .filter_map(|p| match p.connection {
                Connection::EndpointKey { endpoint, sign_in_with: None, .. }
                    if wanted.contains(&same_endpoint(&endpoint)) =>
                {
                    Some(AffectedProfile { id: p.id, name: p.name, endpoint })
                }
                _ => None,
            })
            .collect();
        Ok(KeyAuthImpact { saved_keys, profiles })
    }

    /// Makes `account` accept keys again (`keys_accepted`) or refuse them, so only Entra sign-in works.
    pub async fn set_key_auth(
        &self,
        profile_id: &str,
        account: &AccountRef,
        keys_accepted: bool,
    ) -> Result<AccountView, ConnectionError> {
        let profile = self.profile(profile_id)?;
        let arm = self.arm(&profile).await?;
        let updated = arm
            .set_local_auth_disabled(account, !keys_accepted)
            .await
            .map_err(|e| self.azure(&profile, e))?;
        self.account_view(updated)?.ok_or_else(|| {
            ConnectionError::Input(format!(
                "Azure answered for '{}' with an id that names no account",
                account.name
            ))
        })
    }

    /// Makes the endpoint + key profile `profile_id` reach inference with `sign_in_profile_id`'s Entra
    /// sign-in instead of its key (the account no longer takes keys). `None` goes back to the key.
    pub fn use_entra_sign_in(
        &self,
        profile_id: &str,
        sign_in_profile_id: Option<&str>,
    ) -> Result<ProfileView, ConnectionError> {
        let mut profile = self.profile(profile_id)?;
        if let Some(id) = sign_in_profile_id {
            let through = self.profile(id)?;
            if matches!(through.connection, Connection::EndpointKey { .. }) {
                return Err(ConnectionError::WrongKind(format!(
                    "'{}' has no sign-in: pick an Azure account or the Sandbox",
                    through.name
                )));
            }
        }
        let Connection::EndpointKey { sign_in_with, endpoint, .. } = &mut profile.connection else {
            return Err(ConnectionError::WrongKind(format!(
                "'{}' is not an endpoint + key profile",
                profile.name
            )));
        };
        if sign_in_profile_id.is_some() && !entra_may_reach(endpoint) {
            return Err(ConnectionError::Input(format!(
                "{endpoint} is not an Azure AI endpoint: a sign-in is only sent to Azure's own hosts"
            )));
        }
        *sign_in_with = sign_in_profile_id.map(str::to_string);
        self.profiles().update(&profile)?;
        self.view(profile)
    }
}

/// An endpoint compared without scheme case, trailing slash or letter case.
fn same_endpoint(endpoint: &str) -> String {
    endpoint.trim().trim_end_matches('/').to_ascii_lowercase()
}

/// Hosts an Entra token for Cognitive Services may be sent to: Azure AI endpoints of every cloud, and the
/// simulator on this computer. The token works on every resource the person can reach, so an endpoint
/// typed into a profile must not receive it unless it is Azure's.
pub(super) fn entra_may_reach(endpoint: &str) -> bool {
    const AZURE_AI_HOSTS: [&str; 7] = [
        ".openai.azure.com",
        ".cognitiveservices.azure.com",
        ".services.ai.azure.com",
        ".openai.azure.us",
        ".cognitiveservices.azure.us",
        ".openai.azure.cn",
        ".cognitiveservices.azure.cn",
    ];
    let Ok(url) = url::Url::parse(endpoint.trim()) else { return false };
    let Some(host) = url.host_str().map(str::to_ascii_lowercase) else { return false };
    let loopback = host == "localhost"
        || host.trim_matches(['[', ']']).parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
    loopback || (url.scheme() == "https" && AZURE_AI_HOSTS.iter().any(|suffix| host.ends_with(suffix)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_sign_in_goes_only_to_azure_ai_hosts_or_the_local_simulator() {
        use super::entra_may_reach as ok;
        assert!(ok("https://contoso.openai.azure.com/"));
        assert!(ok("https://x.services.ai.azure.com/models"));
        assert!(ok("http://127.0.0.1:8800/contoso.openai.azure.com/"));
        assert!(!ok("http://contoso.openai.azure.com/"), "not over plain http");
        assert!(!ok("https://openai.azure.com.evil.example/"));
        assert!(!ok("https://proxy.example.com/openai"));
    }
}
