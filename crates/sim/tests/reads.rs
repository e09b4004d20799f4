//! ARM reads: what every call must carry (token, api-version), ARM's headers, case-insensitive paths,
//! not-found codes, paging across pages, keys, catalog and quota.

mod common;

use common::{account_path, Sim, API};
use foundry_sim::sandbox::{ACCOUNT_AISERVICES, GROUP_SWEDEN, SUBSCRIPTION_ID};
use foundry_sim::SimConfig;
use reqwest::Method;
use serde_json::Value;

#[tokio::test]
async fn a_call_without_a_bearer_token_is_refused_like_arm() {
    let sim = Sim::fast().await;
    let response = reqwest::get(sim.url(&format!("/subscriptions?{API}"))).await.expect("request");
    assert_eq!(response.status(), 401);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["error"]["code"], "AuthenticationFailed");
    assert_eq!(body["error"]["message"], "Authentication failed. The 'Authorization' header is missing.");
}

#[tokio::test]
async fn a_call_without_api_version_is_a_400() {
    let sim = Sim::fast().await;
    let response = sim.send(Method::GET, "/subscriptions", None).await;
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["error"]["code"], "MissingApiVersionParameter");
}

#[tokio::test]
async fn answers_carry_request_ids_and_throttling_budgets() {
    let sim = Sim::fast().await;
    let read = sim.send(Method::GET, &format!("/subscriptions?{API}"), None).await;
    for name in
        ["x-ms-request-id", "x-ms-correlation-request-id", "x-ms-ratelimit-remaining-subscription-reads"]
    {
        assert!(read.headers().contains_key(name), "{name}");
    }
    assert_eq!(read.headers()["x-ms-request-id"].len(), 36);
    let write = sim.send(Method::POST, &format!("{}/listKeys?{API}", account_path()), None).await;
    assert!(
        write.headers().contains_key("x-ms-ratelimit-remaining-subscription-writes"),
        "listKeys is a write"
    );
}

#[tokio::test]
async fn paths_are_case_insensitive() {
    let sim = Sim::fast().await;
    let upper = account_path().to_uppercase().replace("PROVIDERS", "providers");
    let body = sim.get_json(&format!("{upper}?{API}")).await;
    assert_eq!(body["name"], foundry_sim::sandbox::ACCOUNT_OPENAI);
    assert_eq!(body["properties"]["endpoint"], "https://contoso-openai-eastus.openai.azure.com/");
    let groups = sim.get_json(&format!("/SUBSCRIPTIONS/{SUBSCRIPTION_ID}/resourcegroups?{API}")).await;
    assert_eq!(groups["value"].as_array().expect("value").len(), 2);
}

#[tokio::test]
async fn unknown_resources_get_azures_not_found_codes() {
    let sim = Sim::fast().await;
    let cases = [
        (format!("/subscriptions/nope/resourcegroups?{API}"), "SubscriptionNotFound"),
        (format!("/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/nope/providers/Microsoft.CognitiveServices/accounts?{API}"), "ResourceGroupNotFound"),
        (format!("/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{GROUP_SWEDEN}/providers/Microsoft.CognitiveServices/accounts/nope?{API}"), "ResourceNotFound"),
        (format!("{}/deployments/nope?{API}", account_path()), "DeploymentNotFound"),
        (format!("{}/raiPolicies/nope?{API}", account_path()), "ResourceNotFound"),
    ];
    for (path, code) in cases {
        let response = sim.send(Method::GET, &path, None).await;
        assert_eq!(response.status(), 404, "{path}");
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["error"]["code"], code, "{path}");
    }
}

#[tokio::test]
async fn lists_page_with_absolute_next_links() {
    let sim = Sim::start(SimConfig { page_size: Some(7), ..SimConfig::fast() }).await;
    let mut url = sim.url(&format!("/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.CognitiveServices/locations/eastus/models?{API}"));
    let mut pages = 0;
    let mut items = 0;
    loop {
        let body: Value = sim.send(Method::GET, &url, None).await.json().await.expect("json");
        pages += 1;
        items += body["value"].as_array().expect("value").len();
        match body["nextLink"].as_str() {
            Some(next) => {
                assert!(next.starts_with(&sim.sim.base_url()), "{next}");
                url = next.to_string();
            }
            None => break,
        }
        assert!(pages < 20, "paging does not end");
    }
    let all = Sim::fast().await;
    let single: Value = all
        .get_json(&format!("/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.CognitiveServices/locations/eastus/models?{API}"))
        .await;
    assert!(single.get("nextLink").is_none());
    assert_eq!(items, single["value"].as_array().expect("value").len());
    assert!(pages >= 3, "{pages}");
}

#[tokio::test]
async fn keys_list_and_regenerate() {
    let sim = Sim::fast().await;
    let keys_url = format!("{}/listKeys?{API}", account_path());
    let before: Value = sim.send(Method::POST, &keys_url, None).await.json().await.expect("json");
    let regenerated: Value = sim
        .send(
            Method::POST,
            &format!("{}/regenerateKey?{API}", account_path()),
            Some(serde_json::json!({"keyName": "Key2"})),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(before["key1"], regenerated["key1"]);
    assert_ne!(before["key2"], regenerated["key2"]);
    let after: Value = sim.send(Method::POST, &keys_url, None).await.json().await.expect("json");
    assert_eq!(after, regenerated);
}

#[tokio::test]
async fn catalog_has_the_model_families_and_lifecycles() {
    let sim = Sim::fast().await;
    let models = sim
        .get_json(&format!("/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.CognitiveServices/locations/swedencentral/models?{API}"))
        .await;
    let items = models["value"].as_array().expect("value");
    let has = |name: &str| items.iter().any(|m| m["model"]["name"] == name);
    for name in ["gpt-4o", "gpt-4.1-nano", "o3-mini", "gpt-5", "text-embedding-3-large", "Mistral-Large-2411"]
    {
        assert!(has(name), "{name}");
    }
    for status in ["GenerallyAvailable", "Deprecating", "Deprecated"] {
        assert!(items.iter().any(|m| m["model"]["lifecycleStatus"] == status), "{status}");
    }
    assert!(items.iter().any(|m| m["model"]["format"] == "Mistral AI"));
    let account_models = sim
        .get_json(&format!(
            "/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/{GROUP_SWEDEN}/providers/Microsoft.CognitiveServices/accounts/{ACCOUNT_AISERVICES}/models?{API}"
        ))
        .await;
    assert!(account_models["value"].as_array().expect("value").iter().any(|m| m["format"] == "Mistral AI"));
    let openai_models = sim.get_json(&format!("{}/models?{API}", account_path())).await;
    assert!(!openai_models["value"].as_array().expect("value").iter().any(|m| m["format"] == "Mistral AI"));
}

#[tokio::test]
async fn model_capacities_report_free_quota() {
    let sim = Sim::fast().await;
    let body = sim
        .get_json(&format!(
            "/subscriptions/{SUBSCRIPTION_ID}/providers/Microsoft.CognitiveServices/modelCapacities?{API}&modelFormat=OpenAI&modelName=gpt-4o&modelVersion=2024-11-20"
        ))
        .await;
    let global_east = body["value"]
        .as_array()
        .expect("value")
        .iter()
        .find(|c| c["location"] == "eastus" && c["name"] == "GlobalStandard")
        .expect("eastus GlobalStandard")
        .clone();
    // 1000 K TPM of GlobalStandard gpt-4o quota, 50 used by the seeded deployment.
    assert_eq!(global_east["properties"]["availableCapacity"], 950);
}

#[tokio::test]
async fn rai_policies_include_the_builtins_and_the_custom_one() {
    let sim = Sim::fast().await;
    let body = sim.get_json(&format!("{}/raiPolicies?{API}", account_path())).await;
    let names: Vec<&str> =
        body["value"].as_array().expect("value").iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, ["Microsoft.Default", "Microsoft.DefaultV2", "contoso-strict"]);
}

#[tokio::test]
async fn the_default_seed_round_trips_through_json() {
    let seed = foundry_sim::Seed::sandbox();
    let text = serde_json::to_string(&seed).expect("serialize");
    let again: foundry_sim::Seed = serde_json::from_str(&text).expect("deserialize");
    assert_eq!(serde_json::to_value(&seed).expect("v1"), serde_json::to_value(&again).expect("v2"));
    let dir = std::env::temp_dir().join(format!("foundry-sim-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("seed.json");
    std::fs::write(&path, text).expect("write");
    let loaded = foundry_sim::Seed::from_file(&path).expect("load");
    assert_eq!(loaded.accounts.len(), 2);
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

#[tokio::test]
async fn keys_are_refused_when_local_auth_is_disabled() {
    let mut config = SimConfig::fast();
    config.seed.accounts[0].disable_local_auth = true;
    let sim = Sim::start(config).await;
    let account = sim.get_json(&format!("{}?{API}", account_path())).await;
    assert_eq!(account["properties"]["disableLocalAuth"], true);
    let response = sim.send(Method::POST, &format!("{}/listKeys?{API}", account_path()), None).await;
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn tenants_and_a_resource_group() {
    let sim = Sim::fast().await;
    let tenants = sim.get_json(&format!("/tenants?{API}")).await;
    assert_eq!(tenants["value"][0]["tenantId"], foundry_sim::sandbox::TENANT_ID);
    let group =
        sim.get_json(&format!("/subscriptions/{SUBSCRIPTION_ID}/resourcegroups/{GROUP_SWEDEN}?{API}")).await;
    assert_eq!(group["location"], "swedencentral");
}
