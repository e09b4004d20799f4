//! Lists as ARM sends them: `{value: [...], nextLink?}`. The page size comes from the run's config or a
//! `pageSize` query parameter; `nextLink` is an absolute URL on the simulator carrying `skipToken`.

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use super::Call;

/// Answers one page of `items`.
pub fn page(call: &Call, items: Vec<Value>) -> Response {
    super::json(StatusCode::OK, page_body(call, items))
}

/// The body of one page of `items`.
pub fn page_body(call: &Call, items: Vec<Value>) -> Value {
    let size = call
        .query
        .get("pagesize")
        .and_then(|v| v.parse::<usize>().ok())
        .or(call.state.page_size)
        .filter(|size| *size > 0);
    let Some(size) = size else {
        return json!({"value": items});
    };
    let skip = call.query.get("skiptoken").and_then(|v| v.parse::<usize>().ok()).unwrap_or(0);
    let total = items.len();
    let value: Vec<Value> = items.into_iter().skip(skip).take(size).collect();
    if skip + size >= total {
        return json!({"value": value});
    }
    // Keep the caller's parameters (api-version, filters) verbatim; replace only ours.
    let mut params: Vec<String> = call
        .raw_query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let name = p.split('=').next().unwrap_or_default().to_ascii_lowercase();
            name != "skiptoken" && name != "pagesize"
        })
        .map(str::to_string)
        .collect();
    params.push(format!("pageSize={size}"));
    params.push(format!("skipToken={}", skip + size));
    let next = format!("{}{}?{}", call.state.base_url, call.path, params.join("&"));
    json!({"value": value, "nextLink": next})
}
