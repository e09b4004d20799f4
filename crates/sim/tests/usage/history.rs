//! History added through `POST /_sim/traffic` (and the Rust API): points on the interval's grid, the two
//! shapes of an idle interval, every aggregation, and a month of hourly traffic read back in one query.
#![allow(clippy::unwrap_used)] // in the helpers below as in the tests they serve

use chrono::{Duration, TimeZone, Utc};
use foundry_sim::sandbox::ACCOUNT_OPENAI;
use foundry_sim::{TrafficHistory, TrafficMinute};
use serde_json::{json, Value};

use crate::helpers::{iso, refusal, series, timeseries, total, Sim};

const NIGHT: &str = "2026-11-27T00:00:00Z/2026-11-27T03:00:00Z";

async fn seed_the_night(sim: &Sim) {
    let body = json!({"account": ACCOUNT_OPENAI.to_uppercase(), "deployment": "gpt-4o", "minutes": [
        {"at": "2026-11-27T00:10:00Z", "promptTokens": 100, "completionTokens": 10, "requests": {"200": 2}},
        {"at": "2026-11-27T00:40:30Z", "promptTokens": 50, "requests": {"200": 1}},
        {"at": "2026-11-27T02:05:00Z", "promptTokens": 7, "completionTokens": 3, "requests": {"200": 1, "429": 2}},
        {"at": "2026-11-27T03:00:00Z", "promptTokens": 1000, "requests": {"200": 1}}
    ]});
    let response = sim.add_traffic(&body).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.json::<Value>().await.unwrap(), json!({"recorded": 4}));
}

fn points(series: &Value) -> &Vec<Value> {
    series["data"].as_array().unwrap()
}

#[tokio::test]
async fn points_sit_on_the_interval_grid_and_idle_intervals_have_both_shapes() {
    let sim = Sim::fast().await;
    seed_the_night(&sim).await;
    let body = sim
        .metrics_json(&[
            ("metricnames", "ProcessedPromptTokens,AzureOpenAIRequests"),
            ("timespan", NIGHT),
            ("interval", "PT1H"),
            ("aggregation", "Total,Maximum"),
            ("$filter", "ModelDeploymentName eq '*'"),
        ])
        .await;
    let prompt = series(&body, "ProcessedPromptTokens", &["gpt-4o"]).unwrap();
    assert_eq!(
        points(prompt),
        &vec![
            json!({"timeStamp": "2026-11-27T00:00:00Z", "total": 150, "maximum": 100}),
            json!({"timeStamp": "2026-11-27T01:00:00Z"}),
            json!({"timeStamp": "2026-11-27T02:00:00Z", "total": 7, "maximum": 7}),
        ],
        "a token metric's idle interval has no value; the end of the timespan is excluded"
    );
    let requests = series(&body, "AzureOpenAIRequests", &["gpt-4o"]).unwrap();
    assert_eq!(
        points(requests),
        &vec![
            json!({"timeStamp": "2026-11-27T00:00:00Z", "total": 3, "maximum": 2}),
            json!({"timeStamp": "2026-11-27T01:00:00Z", "total": 0, "maximum": 0}),
            json!({"timeStamp": "2026-11-27T02:00:00Z", "total": 3, "maximum": 3}),
        ],
        "requests read zero when idle"
    );

    let half_hours = sim
        .metrics_json(&[("metricnames", "ProcessedPromptTokens"), ("timespan", NIGHT), ("interval", "PT30M")])
        .await;
    let only = &timeseries(&half_hours, "ProcessedPromptTokens")[0];
    let stamps: Vec<&str> = points(only).iter().map(|p| p["timeStamp"].as_str().unwrap()).collect();
    assert_eq!(stamps.len(), 6);
    assert_eq!(stamps[1], "2026-11-27T00:30:00Z");
    let totals: Vec<Option<u64>> = points(only).iter().map(|p| p["total"].as_u64()).collect();
    assert_eq!(totals, [Some(100), Some(50), None, None, Some(7), None]);

    let minutes = sim
        .metrics_json(&[("metricnames", "GeneratedTokens"), ("timespan", NIGHT), ("interval", "PT1M")])
        .await;
    let data = points(&timeseries(&minutes, "GeneratedTokens")[0]);
    assert_eq!(data.len(), 180);
    assert_eq!(data[10], json!({"timeStamp": "2026-11-27T00:10:00Z", "total": 10}));

    let daily = sim
        .metrics_json(&[
            ("metricnames", "TokenTransaction"),
            ("timespan", "2026-11-26T00:00:00Z/2026-11-29T00:00:00Z"),
            ("interval", "P1D"),
        ])
        .await;
    let days = points(&timeseries(&daily, "TokenTransaction")[0]);
    assert_eq!(days.len(), 3);
    assert_eq!(days[0], json!({"timeStamp": "2026-11-26T00:00:00Z"}));
    assert_eq!(days[1], json!({"timeStamp": "2026-11-27T00:00:00Z", "total": 1170}));
}

#[tokio::test]
async fn average_minimum_and_count_are_over_the_minutes_with_data() {
    let sim = Sim::fast().await;
    seed_the_night(&sim).await;
    let body = sim
        .metrics_json(&[
            ("metricnames", "ProcessedPromptTokens,AzureOpenAIRequests"),
            ("timespan", NIGHT),
            ("interval", "PT1H"),
            ("aggregation", "Average,minimum,Count,Total"),
        ])
        .await;
    let prompt = &timeseries(&body, "ProcessedPromptTokens")[0];
    assert_eq!(
        points(prompt),
        &vec![
            // Minutes 00:10 (100) and 00:40 (50): two samples.
            json!({"timeStamp": "2026-11-27T00:00:00Z", "average": 75.0, "minimum": 50, "count": 2, "total": 150}),
            json!({"timeStamp": "2026-11-27T01:00:00Z"}),
            json!({"timeStamp": "2026-11-27T02:00:00Z", "average": 7.0, "minimum": 7, "count": 1, "total": 7}),
        ],
        "a token metric's idle interval carries no aggregation at all"
    );
    let requests = &timeseries(&body, "AzureOpenAIRequests")[0];
    assert_eq!(
        points(requests),
        &vec![
            json!({"timeStamp": "2026-11-27T00:00:00Z", "average": 1.5, "minimum": 1, "count": 2, "total": 3}),
            json!({"timeStamp": "2026-11-27T01:00:00Z", "average": 0.0, "minimum": 0, "count": 0, "total": 0}),
            json!({"timeStamp": "2026-11-27T02:00:00Z", "average": 3.0, "minimum": 3, "count": 1, "total": 3}),
        ],
        "requests read zero in every aggregation when idle"
    );
}

#[tokio::test]
async fn a_quiet_timespan_has_no_series_when_split_and_one_empty_series_when_not() {
    let sim = Sim::fast().await;
    seed_the_night(&sim).await;
    let quiet = "2026-10-01T00:00:00Z/2026-10-01T02:00:00Z";
    let split = sim
        .metrics_json(&[
            ("metricnames", "ProcessedPromptTokens,AzureOpenAIRequests"),
            ("timespan", quiet),
            ("interval", "PT1H"),
            ("$filter", "ModelDeploymentName eq '*'"),
        ])
        .await;
    assert_eq!(timeseries(&split, "ProcessedPromptTokens"), &Vec::<Value>::new());
    assert_eq!(timeseries(&split, "AzureOpenAIRequests"), &Vec::<Value>::new());
    let whole = sim
        .metrics_json(&[
            ("metricnames", "ProcessedPromptTokens,AzureOpenAIRequests"),
            ("timespan", quiet),
            ("interval", "PT1H"),
        ])
        .await;
    let tokens = &timeseries(&whole, "ProcessedPromptTokens")[0];
    assert_eq!(tokens["metadatavalues"], json!([]));
    assert_eq!(
        points(tokens),
        &vec![json!({"timeStamp": "2026-10-01T00:00:00Z"}), json!({"timeStamp": "2026-10-01T01:00:00Z"})]
    );
    let requests = &timeseries(&whole, "AzureOpenAIRequests")[0];
    assert!(points(requests).iter().all(|p| p["total"] == 0), "{requests}");
    let narrowed = sim
        .metrics_json(&[
            ("metricnames", "ProcessedPromptTokens"),
            ("timespan", NIGHT),
            ("interval", "PT1H"),
            ("$filter", "ModelDeploymentName eq 'gpt-4o-mini'"),
        ])
        .await;
    assert_eq!(timeseries(&narrowed, "ProcessedPromptTokens"), &Vec::<Value>::new());
}

#[tokio::test]
async fn a_month_of_hourly_history_comes_back_in_one_query() {
    let sim = Sim::fast().await;
    let start = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    let hours = 30 * 24;
    let month = |deployment: &str, scale: u64| {
        let minutes: Vec<Value> = (0..hours)
            .map(|h| {
                let at = iso(start + Duration::hours(h as i64) + Duration::minutes(17));
                json!({"at": at, "promptTokens": scale * (h + 1), "completionTokens": scale, "requests": {"200": 2, "429": 1}})
            })
            .collect();
        json!({"account": ACCOUNT_OPENAI, "deployment": deployment, "minutes": minutes})
    };
    // A list of histories in one body, as a benchmark feeds many deployments.
    let response = sim.add_traffic(&json!([month("gpt-4o", 1), month("archived-deployment", 10)])).await;
    assert_eq!(response.json::<Value>().await.unwrap(), json!({"recorded": 2 * hours}));
    // The Rust API adds to the same book.
    let extra = TrafficHistory {
        account: ACCOUNT_OPENAI.into(),
        deployment: "gpt-4o".into(),
        minutes: vec![TrafficMinute {
            at: start + Duration::days(3) + Duration::seconds(42),
            prompt_tokens: 5,
            completion_tokens: 6,
            requests: [(500, 4)].into(),
        }],
    };
    assert_eq!(sim.sim.add_traffic(&extra), Ok(1));

    let body = sim
        .metrics_json(&[
            ("metricnames", "ProcessedPromptTokens,GeneratedTokens,AzureOpenAIRequests"),
            ("timespan", "2026-11-01T00:00:00Z/2026-12-01T00:00:00Z"),
            ("interval", "PT1H"),
            ("$filter", "ModelDeploymentName eq '*'"),
        ])
        .await;
    let triangle = hours * (hours + 1) / 2;
    let gpt4o = series(&body, "ProcessedPromptTokens", &["gpt-4o"]).unwrap();
    assert_eq!(points(gpt4o).len(), hours as usize);
    assert_eq!(points(gpt4o)[72], json!({"timeStamp": "2026-11-04T00:00:00Z", "total": 73 + 5}));
    assert_eq!(total(gpt4o), triangle + 5);
    assert_eq!(
        total(series(&body, "ProcessedPromptTokens", &["archived-deployment"]).unwrap()),
        10 * triangle
    );
    assert_eq!(total(series(&body, "GeneratedTokens", &["gpt-4o"]).unwrap()), hours + 6);
    assert_eq!(total(series(&body, "AzureOpenAIRequests", &["gpt-4o"]).unwrap()), 3 * hours + 4);
}

#[tokio::test]
async fn history_for_an_unknown_account_or_in_a_bad_shape_is_refused_whole() {
    let sim = Sim::fast().await;
    let good = json!({"account": ACCOUNT_OPENAI, "deployment": "gpt-4o", "minutes": [{"at": "2026-11-27T00:10:00Z", "promptTokens": 1}]});
    let unknown = json!({"account": "nope", "deployment": "gpt-4o", "minutes": []});
    let (status, body) = refusal(sim.add_traffic(&json!([good, unknown])).await).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("SimulatorBadTraffic")));
    assert!(body["error"]["message"].as_str().unwrap().contains("'nope'"));
    let bad_time = json!({"account": ACCOUNT_OPENAI, "deployment": "d", "minutes": [{"at": "yesterday"}]});
    let (status, body) = refusal(sim.add_traffic(&bad_time).await).await;
    assert_eq!(status, 400);
    assert!(body["error"]["message"].as_str().unwrap().contains("yesterday"), "{body}");
    let night = sim
        .metrics_json(&[("metricnames", "ProcessedPromptTokens"), ("timespan", NIGHT), ("interval", "PT1H")])
        .await;
    assert_eq!(
        total(&timeseries(&night, "ProcessedPromptTokens")[0]),
        0,
        "nothing of the refused body was added"
    );
    let typed = TrafficHistory { account: "nope".into(), deployment: "d".into(), minutes: Vec::new() };
    assert!(sim.sim.add_traffic(&typed).unwrap_err().contains("nope"));
}

#[tokio::test]
async fn a_split_answer_keeps_the_ten_busiest_series_unless_top_says_more() {
    let sim = Sim::fast().await;
    let histories: Vec<Value> = (1..=12)
        .map(|n| {
            json!({"account": ACCOUNT_OPENAI, "deployment": format!("d{n:02}"), "minutes": [
                {"at": "2026-11-27T00:10:00Z", "promptTokens": n * 10, "requests": {"200": 1}}
            ]})
        })
        .collect();
    assert_eq!(sim.add_traffic(&json!(histories)).await.status(), 200);
    let ask = |top: Option<&'static str>| {
        let mut query = vec![
            ("metricnames", "ProcessedPromptTokens"),
            ("timespan", NIGHT),
            ("interval", "PT1H"),
            ("$filter", "ModelDeploymentName eq '*'"),
        ];
        query.extend(top.map(|t| ("top", t)));
        query
    };
    let names = |body: &Value| -> Vec<String> {
        let mut names: Vec<String> = timeseries(body, "ProcessedPromptTokens")
            .iter()
            .map(|s| s["metadatavalues"][0]["value"].as_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    };
    let default = sim.metrics_json(&ask(None)).await;
    assert_eq!(names(&default), (3..=12).map(|n| format!("d{n:02}")).collect::<Vec<_>>(), "the 10 busiest");
    let all = sim.metrics_json(&ask(Some("50"))).await;
    assert_eq!(names(&all).len(), 12);
}
