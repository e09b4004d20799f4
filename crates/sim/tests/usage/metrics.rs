//! Metrics of traffic the simulator really served: every chat that reached a deployment counts once under
//! the status it got, and the token metrics add up exactly what the answers' `usage` said.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::helpers::{ask, hours_around_now, refusal, series, timeseries, total, Sim};

const ALL_METRICS: &str = "ProcessedPromptTokens,GeneratedTokens,TokenTransaction,AzureOpenAIRequests";

#[tokio::test]
async fn served_chats_show_as_requests_and_exactly_the_tokens_their_usage_reported() {
    let sim = Sim::fast().await;
    let key = sim.key().await;
    let chats = [
        ("gpt-4o", "How do I read a file in Rust?", false),
        ("gpt-4o", "What is a lifetime?", true),
        ("gpt-4o", "Explain borrowing.", false),
        ("gpt-4o-mini", "Why did the developer bring a map?", true),
        ("gpt-4o-mini", "hi", false),
    ];
    // deployment → (prompt, completion, requests)
    let mut expected: BTreeMap<&str, (u64, u64, u64)> = BTreeMap::new();
    for (deployment, question, stream) in chats {
        let (prompt, completion) = sim.chat_usage(&key, deployment, question, stream).await;
        let sums = expected.entry(deployment).or_default();
        *sums = (sums.0 + prompt, sums.1 + completion, sums.2 + 1);
    }
    let span = hours_around_now();
    let body = sim
        .metrics_json(&[
            ("metricnames", ALL_METRICS),
            ("timespan", &span),
            ("interval", "PT1H"),
            ("aggregation", "Total"),
            ("$filter", "ModelDeploymentName eq '*'"),
        ])
        .await;
    assert_eq!(body["timespan"], span.as_str());
    assert_eq!(body["interval"], "PT1H");
    assert_eq!(body["namespace"], "Microsoft.CognitiveServices/accounts");
    assert_eq!(body["resourceregion"], "eastus");
    assert!(body["cost"].is_u64());
    let names: Vec<&str> =
        body["value"].as_array().unwrap().iter().map(|m| m["name"]["value"].as_str().unwrap()).collect();
    assert_eq!(names, ALL_METRICS.split(',').collect::<Vec<_>>());
    for metric in body["value"].as_array().unwrap() {
        let name = metric["name"]["value"].as_str().unwrap();
        assert!(metric["id"].as_str().unwrap().ends_with(&format!(
            "/accounts/contoso-openai-eastus/providers/Microsoft.Insights/metrics/{name}"
        )));
        assert_eq!(
            (&metric["type"], &metric["unit"], &metric["errorCode"]),
            (&json!("Microsoft.Insights/metrics"), &json!("Count"), &json!("Success"))
        );
        assert!(metric["name"]["localizedValue"].is_string() && metric["displayDescription"].is_string());
        assert_eq!(
            metric["timeseries"].as_array().unwrap().len(),
            2,
            "{name}: one series per deployment with traffic"
        );
    }
    assert_eq!(body["value"][0]["name"]["localizedValue"], "Processed Prompt Tokens");
    let first = &timeseries(&body, "ProcessedPromptTokens")[0];
    assert_eq!(
        first["metadatavalues"],
        json!([{"name": {"value": "modeldeploymentname", "localizedValue": "modeldeploymentname"}, "value": "gpt-4o"}])
    );
    let stamps: Vec<&str> =
        first["data"].as_array().unwrap().iter().map(|p| p["timeStamp"].as_str().unwrap()).collect();
    assert_eq!(stamps.len(), 3);
    assert!(stamps.iter().all(|s| s.ends_with(":00:00Z")), "{stamps:?}");
    assert_eq!(stamps[0], span.split('/').next().unwrap());
    for (deployment, (prompt, completion, requests)) in &expected {
        let of = |metric: &str| total(series(&body, metric, &[deployment]).unwrap());
        assert_eq!(of("ProcessedPromptTokens"), *prompt, "{deployment}");
        assert_eq!(of("GeneratedTokens"), *completion, "{deployment}");
        assert_eq!(of("TokenTransaction"), prompt + completion, "{deployment}");
        assert_eq!(of("AzureOpenAIRequests"), *requests, "{deployment}");
    }

    let by_status = sim
        .metrics_json(&[
            ("metricnames", "AzureOpenAIRequests"),
            ("timespan", &span),
            ("interval", "PT1H"),
            ("$filter", "ModelDeploymentName eq '*' and StatusCode eq '*'"),
        ])
        .await;
    let gpt4o = series(&by_status, "AzureOpenAIRequests", &["gpt-4o", "200"]).unwrap();
    assert_eq!(
        gpt4o["metadatavalues"][1]["name"],
        json!({"value": "statuscode", "localizedValue": "statuscode"})
    );
    assert_eq!(total(gpt4o), 3);
    assert_eq!(total(series(&by_status, "AzureOpenAIRequests", &["gpt-4o-mini", "200"]).unwrap()), 2);

    let unsplit = sim
        .metrics_json(&[("metricnames", "GeneratedTokens"), ("timespan", &span), ("interval", "PT1H")])
        .await;
    let all = timeseries(&unsplit, "GeneratedTokens");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["metadatavalues"], json!([]));
    assert_eq!(total(&all[0]), expected.values().map(|e| e.1).sum::<u64>());
}

#[tokio::test]
async fn refused_requests_count_under_their_status_and_a_filtered_prompt_is_billed() {
    let sim = Sim::fast().await;
    let key = sim.key().await;
    let question = "What does the content filter look at?";
    let (prompt, completion) = sim.chat_usage(&key, "gpt-4o", question, false).await;
    for (fault, status) in [("429", 429), ("content-filter-prompt", 400), ("500", 500), ("503", 503)] {
        let response = sim.chat(&key, &ask("gpt-4o", question), &[("x-sim-fault", fault)]).await;
        assert_eq!(response.status(), status, "{fault}");
    }
    let response = sim.chat(&key, &ask("no-such-deployment", question), &[]).await;
    assert_eq!(response.status(), 404, "an unknown deployment is not a deployment's request");

    let span = hours_around_now();
    let body = sim
        .metrics_json(&[
            ("metricnames", "AzureOpenAIRequests,ProcessedPromptTokens,GeneratedTokens"),
            ("timespan", &span),
            ("interval", "PT1H"),
            ("$filter", "ModelDeploymentName eq '*'"),
        ])
        .await;
    assert_eq!(timeseries(&body, "AzureOpenAIRequests").len(), 1, "only gpt-4o saw traffic");
    assert_eq!(total(series(&body, "AzureOpenAIRequests", &["gpt-4o"]).unwrap()), 5);
    // The refused prompt was read, so it is billed; only the answer generated tokens.
    assert_eq!(total(series(&body, "ProcessedPromptTokens", &["gpt-4o"]).unwrap()), 2 * prompt);
    assert_eq!(total(series(&body, "GeneratedTokens", &["gpt-4o"]).unwrap()), completion);

    let split = sim
        .metrics_json(&[
            ("metricnames", "AzureOpenAIRequests"),
            ("timespan", &span),
            ("interval", "PT1H"),
            ("$filter", "ModelDeploymentName eq 'GPT-4O' and StatusCode eq '*'"),
        ])
        .await;
    let statuses: BTreeMap<String, u64> = timeseries(&split, "AzureOpenAIRequests")
        .iter()
        .map(|s| (s["metadatavalues"][1]["value"].as_str().unwrap().to_string(), total(s)))
        .collect();
    let expected: BTreeMap<String, u64> =
        [("200", 1), ("400", 1), ("429", 1), ("500", 1), ("503", 1)].map(|(s, n)| (s.to_string(), n)).into();
    assert_eq!(statuses, expected);

    let throttled = sim
        .metrics_json(&[
            ("metricnames", "AzureOpenAIRequests"),
            ("timespan", &span),
            ("interval", "PT1H"),
            ("$filter", "StatusCode eq '429'"),
        ])
        .await;
    let only = timeseries(&throttled, "AzureOpenAIRequests");
    assert_eq!(only.len(), 1);
    assert_eq!(only[0]["metadatavalues"][0]["value"], "429");
    assert_eq!(total(&only[0]), 1);
}

#[tokio::test]
async fn what_azure_monitor_refuses_is_refused_in_its_words() {
    let sim = Sim::fast().await;
    let span = hours_around_now();
    let base = [("timespan", span.as_str()), ("interval", "PT1H")];
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut params: Vec<(&str, &str)> = base.to_vec();
        params.extend_from_slice(extra);
        params
    };

    let (status, body) =
        refusal(sim.metrics(&with(&[("metricnames", "ProcessedPromptTokens,Tokens")])).await).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("BadRequest")));
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("metric: Tokens") && message.contains("GeneratedTokens"), "{message}");

    let split_tokens = with(&[("metricnames", "GeneratedTokens"), ("$filter", "StatusCode eq '*'")]);
    let (status, body) = refusal(sim.metrics(&split_tokens).await).await;
    assert_eq!(status, 400);
    assert!(body["error"]["message"].as_str().unwrap().contains("statuscode"), "{body}");

    for (name, value) in [
        ("interval", "PT2M"),
        ("timespan", "tomorrow"),
        ("aggregation", "Median"),
        ("timespan", "P99999999999999D"),
        ("$filter", "Region eq '*'"),
    ] {
        let mut params: Vec<(&str, &str)> = vec![("metricnames", "AzureOpenAIRequests")];
        params.extend(base.iter().filter(|(k, _)| *k != name));
        params.push((name, value));
        let (status, body) = refusal(sim.metrics(&params).await).await;
        assert_eq!((status, body["error"]["code"].as_str()), (400, Some("BadRequest")), "{name}={value}");
    }

    let old = [("api-version", "2017-05-01-preview"), ("metricnames", "AzureOpenAIRequests")];
    let (status, body) = refusal(sim.metrics(&old).await).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("NoRegisteredProviderFound")));
    assert!(body["error"]["message"].as_str().unwrap().contains("2024-02-01"));
    for version in ["2023-10-01", "2021-05-01", "2018-01-01"] {
        let response = sim.metrics(&[("api-version", version), ("metricnames", "AzureOpenAIRequests")]).await;
        assert_eq!(response.status(), 200, "{version}");
    }

    let missing = format!(
        "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.CognitiveServices/accounts/nope/providers/Microsoft.Insights/metrics?api-version=2024-02-01&metricnames=AzureOpenAIRequests",
        foundry_sim::sandbox::SUBSCRIPTION_ID,
        foundry_sim::sandbox::GROUP_EAST
    );
    let (status, body) = refusal(sim.arm_get(&missing, &[]).await).await;
    assert_eq!((status, body["error"]["code"].as_str()), (404, Some("ResourceNotFound")));
}

#[tokio::test]
async fn a_caller_without_monitoring_reader_is_refused_for_metrics_read() {
    let sim = Sim::fast().await;
    let params = [("metricnames", "AzureOpenAIRequests")];
    let response = sim.metrics_with(&params, &[("x-sim-fault", "forbidden")]).await;
    assert!(response.headers().contains_key("x-ms-request-id"));
    let (status, body) = refusal(response).await;
    assert_eq!((status, body["error"]["code"].as_str()), (403, Some("AuthorizationFailed")));
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("perform action 'Microsoft.Insights/metrics/read'"), "{message}");
    assert!(message.contains("/accounts/contoso-openai-eastus/providers/Microsoft.Insights'"), "{message}");

    // A run-wide rule limited to the metrics path leaves the rest of ARM alone.
    let rule = json!({"faults": [{"kind": "forbidden", "pathPrefix": format!("{}/providers/microsoft.insights", crate::helpers::account_path())}]});
    let added = sim.client.post(format!("{}/_sim/faults", sim.base())).json(&rule).send().await.unwrap();
    assert_eq!(added.status(), 200);
    assert_eq!(sim.metrics(&params).await.status(), 403);
    let account =
        sim.arm_get(&format!("{}?api-version=2026-09-01", crate::helpers::account_path()), &[]).await;
    assert_eq!(account.status(), 200);
}

#[tokio::test]
async fn the_contracts_own_request_is_answered_and_paths_ignore_case() {
    let sim = Sim::fast().await;
    let path = crate::helpers::account_path().to_uppercase().replace("SUBSCRIPTIONS", "subscriptions");
    let url = format!(
        "{path}/PROVIDERS/microsoft.insights/Metrics?api-version=2024-02-01&metricnames=ProcessedPromptTokens,GeneratedTokens&timespan=2026-11-27T00:00:00Z/2026-11-27T03:00:00Z&interval=PT1H&aggregation=Total&$filter=ModelDeploymentName eq '*'"
    );
    let response = sim.arm_get(&url, &[]).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["timespan"], "2026-11-27T00:00:00Z/2026-11-27T03:00:00Z");
    assert_eq!(body["value"].as_array().unwrap().len(), 2);
    assert_eq!(timeseries(&body, "GeneratedTokens"), &Vec::<Value>::new(), "no traffic then: no series");
}
