//! Helpers for the Entra tests: a started simulator with a client that does not follow redirects, form
//! posts to the authority, a PKCE pair, a JWT claims reader, and a second tenant for the seed.
#![allow(clippy::unwrap_used, dead_code)]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use foundry_sim::entra::AZURE_CLI_CLIENT_ID;
use foundry_sim::seed::{SubscriptionSeed, TenantSeed};
use foundry_sim::{RunningSim, Seed, SimConfig};
use reqwest::Method;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// The client id every test signs in with.
pub const CLIENT: &str = AZURE_CLI_CLIENT_ID;
/// ARM's scope, with a refresh token.
pub const ARM_SCOPE: &str = "https://management.azure.com/.default offline_access openid profile";
/// Cognitive Services' scope.
pub const COGNITIVE_SCOPE: &str = "https://cognitiveservices.azure.com/.default";
/// The loopback redirect the PKCE tests use.
pub const REDIRECT: &str = "http://localhost:53117/callback";
/// A second tenant of the user, with one subscription.
pub const TENANT_2: &str = "7a9b3c1d-2e4f-4a6b-8c0d-1e2f3a4b5c6d";
/// The second tenant's subscription.
pub const SUBSCRIPTION_2: &str = "3e5f7a9b-1c2d-4e6f-8a0b-2c3d4e5f6a7b";

pub struct Sim {
    pub sim: RunningSim,
    pub client: reqwest::Client,
}

impl Sim {
    pub async fn start(config: SimConfig) -> Self {
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        Self { sim: RunningSim::start_with(config).await.unwrap(), client }
    }

    pub async fn fast() -> Self {
        Self::start(SimConfig::fast()).await
    }

    pub fn base(&self) -> String {
        self.sim.base_url()
    }

    /// POSTs a form to `{authority of tenant}/oauth2/v2.0/{endpoint}`; status and JSON body.
    pub async fn form(&self, tenant: &str, endpoint: &str, form: &[(&str, &str)]) -> (u16, Value) {
        let url = format!("{}/oauth2/v2.0/{endpoint}", self.sim.authority_url(tenant));
        let response = self.client.post(url).form(form).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }

    /// The token endpoint of `tenant`.
    pub async fn token(&self, tenant: &str, form: &[(&str, &str)]) -> (u16, Value) {
        self.form(tenant, "token", form).await
    }

    /// A device code for `scope` from `organizations`.
    pub async fn device_code(&self, scope: &str) -> Value {
        let (status, body) =
            self.form("organizations", "devicecode", &[("client_id", CLIENT), ("scope", scope)]).await;
        assert_eq!(status, 200, "{body}");
        body
    }

    /// One poll of a device code at `organizations`.
    pub async fn poll(&self, device_code: &str) -> (u16, Value) {
        let grant = "urn:ietf:params:oauth:grant-type:device_code";
        self.token(
            "organizations",
            &[("grant_type", grant), ("client_id", CLIENT), ("device_code", device_code)],
        )
        .await
    }

    /// A control request; status and JSON body.
    pub async fn control(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self.client.request(method, format!("{}{path}", self.base()));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// What the simulated user does with device codes from now on.
    pub async fn device_mode(&self, mode: &str) {
        let (status, _) =
            self.control(Method::POST, "/_sim/entra/device-mode", Some(json!({"mode": mode}))).await;
        assert_eq!(status, 200);
    }

    /// `GET …/authorize` with `params`; the status and the `Location` header.
    pub async fn authorize(&self, tenant: &str, params: &[(&str, &str)]) -> (u16, Option<url::Url>) {
        let url = format!("{}/oauth2/v2.0/authorize", self.sim.authority_url(tenant));
        let response = self.client.get(url).query(params).send().await.unwrap();
        let location =
            response.headers().get("location").map(|v| url::Url::parse(v.to_str().unwrap()).unwrap());
        (response.status().as_u16(), location)
    }

    /// An authorization code for `scope` with `challenge` (S256), from `organizations`.
    pub async fn code(&self, scope: &str, challenge: &str) -> String {
        let params = [
            ("client_id", CLIENT),
            ("response_type", "code"),
            ("redirect_uri", REDIRECT),
            ("scope", scope),
            ("state", "st-1"),
            ("code_challenge", challenge),
            ("code_challenge_method", "S256"),
        ];
        let (status, location) = self.authorize("organizations", &params).await;
        assert_eq!(status, 302);
        query_value(&location.unwrap(), "code").unwrap()
    }

    /// Signs in with authorization code + PKCE for `scope`; the token answer.
    pub async fn sign_in(&self, scope: &str) -> Value {
        let (verifier, challenge) = pkce();
        let code = self.code(scope, &challenge).await;
        let (status, body) = self
            .token(
                "organizations",
                &[
                    ("grant_type", "authorization_code"),
                    ("client_id", CLIENT),
                    ("code", &code),
                    ("redirect_uri", REDIRECT),
                    ("code_verifier", &verifier),
                    ("client_info", "1"),
                ],
            )
            .await;
        assert_eq!(status, 200, "{body}");
        body
    }

    /// Refreshes at `tenant` for `scope`.
    pub async fn refresh(&self, tenant: &str, refresh_token: &str, scope: &str) -> (u16, Value) {
        self.token(
            tenant,
            &[
                ("grant_type", "refresh_token"),
                ("client_id", CLIENT),
                ("refresh_token", refresh_token),
                ("scope", scope),
            ],
        )
        .await
    }

    /// GET an ARM path with `token`; status and JSON body.
    pub async fn arm_get(&self, path: &str, token: &str) -> (u16, Value) {
        let response =
            self.client.get(format!("{}{path}", self.base())).bearer_auth(token).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }

    /// A v1 chat completion on the Sandbox's OpenAI account with `token`; status and JSON body.
    pub async fn chat(&self, token: &str) -> (u16, Value) {
        let endpoint = self.sim.endpoint_for("https://contoso-openai-eastus.openai.azure.com/");
        let body = json!({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]});
        let url = format!("{endpoint}openai/v1/chat/completions");
        let response = self.client.post(url).bearer_auth(token).json(&body).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }
}

/// A PKCE pair: (verifier, BASE64URL(SHA256(verifier))).
pub fn pkce() -> (String, String) {
    let verifier = format!("verifier-{}-0123456789abcdefghijklmnopqrstuvwxyz", fastrand_like());
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

/// Distinct verifiers per call without a random crate.
fn fastrand_like() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A query parameter of a URL.
pub fn query_value(url: &url::Url, name: &str) -> Option<String> {
    url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
}

/// The claims of a JWT-shaped token.
pub fn claims(token: &str) -> Value {
    let middle = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(middle).unwrap()).unwrap()
}

/// Asserts Entra's error shape, the OAuth error and the AADSTS code.
pub fn assert_entra_error(body: &Value, error: &str, code: u64) {
    assert_eq!(body["error"], error, "{body}");
    assert_eq!(body["error_codes"], json!([code]), "{body}");
    let description = body["error_description"].as_str().unwrap();
    assert!(description.starts_with(&format!("AADSTS{code}: ")), "{description}");
    assert!(description.contains("Trace ID: ") && description.contains("Correlation ID: "), "{description}");
    for field in ["timestamp", "trace_id", "correlation_id"] {
        assert!(body[field].as_str().is_some_and(|v| !v.is_empty()), "{field}: {body}");
    }
    assert_eq!(body["error_uri"], format!("https://login.microsoftonline.com/error?code={code}"));
}

/// The Sandbox plus a second tenant of the user, with a subscription of its own.
pub fn two_tenants() -> Seed {
    let mut seed = Seed::sandbox();
    seed.tenants.push(TenantSeed {
        tenant_id: TENANT_2.into(),
        display_name: "Fabrikam".into(),
        default_domain: "fabrikam.onmicrosoft.com".into(),
    });
    seed.subscriptions.push(SubscriptionSeed {
        subscription_id: SUBSCRIPTION_2.into(),
        display_name: "Fabrikam Dev".into(),
        tenant_id: TENANT_2.into(),
        state: "Enabled".into(),
        managed_by_tenants: Vec::new(),
        tags: Default::default(),
    });
    seed
}
