//! The simulator's own control endpoints (`/_sim/...`), for tests and manual runs: switch faults on and off,
//! and read or reset the count of inference requests.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use crate::faults::Fault;
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
