//! The simulator's own control endpoints (`/_sim/...`), for tests and manual runs: switch faults on and off,
//! read or reset the count of inference requests, and add traffic history for the metrics.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use crate::errors::arm_error;
use crate::faults::Fault;
use crate::monitor::TrafficHistory;
use crate::state::SimState;

/// Body of `POST /_sim/faults`: the rules to add, or to replace all with `"replace": true`.
#[derive(Deserialize)]
pub struct FaultsRequest {
    faults: Vec<Fault>,
    #[serde(default)]
    replace: bool,
}

/// `POST /_sim/faults`.
pub async fn set_faults(State(state): State<Arc<SimState>>, Json(request): Json<FaultsRequest>) -> Response {
    if request.replace {
        state.faults.set(request.faults);
    } else {
        state.faults.add(request.faults);
    }
    (StatusCode::OK, Json(serde_json::json!({"faults": state.faults.list()}))).into_response()
}

/// `GET /_sim/faults`.
pub async fn list_faults(State(state): State<Arc<SimState>>) -> Response {
    Json(serde_json::json!({"faults": state.faults.list()})).into_response()
}

/// `DELETE /_sim/faults`: every fault off.
pub async fn clear_faults(State(state): State<Arc<SimState>>) -> Response {
    state.faults.set(Vec::new());
    StatusCode::NO_CONTENT.into_response()
}

/// `GET /_sim/inference/requests`: `{"requests": N, "byDeployment": {name: n}, "cancelledStreams": N}`.
pub async fn inference_requests(State(state): State<Arc<SimState>>) -> Response {
    Json(state.inference.log.snapshot()).into_response()
}

/// `DELETE /_sim/inference/requests`: counts back to zero.
pub async fn reset_inference_requests(State(state): State<Arc<SimState>>) -> Response {
    state.inference.log.reset();
    StatusCode::NO_CONTENT.into_response()
}

/// `GET /_sim/inference/writes`: when each content chunk of the latest stream was written.
pub async fn inference_writes(State(state): State<Arc<SimState>>) -> Response {
    Json(state.inference.log.writes()).into_response()
}

/// `POST /_sim/traffic {"account", "deployment", "minutes": [{"at", "promptTokens", "completionTokens",
/// "requests": {"200": n}}]}` (or a list of such): history the metrics then show. → `{"recorded": minutes}`.
pub async fn add_traffic(State(state): State<Arc<SimState>>, body: Bytes) -> Response {
    // A list or one history, told apart by the first byte: serde's untagged enums cannot read the
    // status-code keys of `requests` as numbers.
    let list = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    let parsed = if list {
        serde_json::from_slice::<Vec<TrafficHistory>>(&body)
    } else {
        serde_json::from_slice::<TrafficHistory>(&body).map(|history| vec![history])
    };
    let histories = match parsed {
        Ok(histories) => histories,
        Err(e) => return arm_error(StatusCode::BAD_REQUEST, "SimulatorBadTraffic", &e.to_string()),
    };
    // All or nothing: a mistake in one history adds none of them.
    if let Some(problem) = histories.iter().find_map(|h| crate::monitor::check_history(&state, h).err()) {
        return arm_error(StatusCode::BAD_REQUEST, "SimulatorBadTraffic", &problem);
    }
    let recorded: usize = histories.iter().map(|h| state.traffic.add(h)).sum();
    Json(serde_json::json!({"recorded": recorded})).into_response()
}
