//! Entra's control endpoints (`/_sim/entra/...`): what the simulated user does with device codes, acting on
//! one by its user code, revoking refresh tokens, and counting what was issued.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use super::store::{DeviceMode, DeviceStatus};
use super::{device, refresh};
use crate::state::SimState;

/// Body of `POST /_sim/entra/device-mode`.
#[derive(Deserialize)]
pub struct ModeRequest {
    mode: DeviceMode,
}

/// `POST /_sim/entra/device-mode {"mode": "auto"|"manual"|"decline"|"expire"}`: what the user does with
/// device codes issued from now on (codes already issued keep theirs).
pub async fn set_device_mode(
    State(state): State<Arc<SimState>>,
    Json(request): Json<ModeRequest>,
) -> Response {
    state.entra.books().mode = request.mode;
    Json(json!({"mode": request.mode})).into_response()
}

/// `GET /_sim/entra/device-mode`.
pub async fn device_mode(State(state): State<Arc<SimState>>) -> Response {
    let mode = state.entra.books().mode;
    Json(json!({"mode": mode})).into_response()
}

/// `GET /_sim/entra/device`: every device code, oldest first, so a test can find the one its client shows.
pub async fn device_codes(State(state): State<Arc<SimState>>) -> Response {
    let books = state.entra.books();
    let mut grants: Vec<_> = books.devices.values().collect();
    grants.sort_by_key(|g| g.issued);
    let codes: Vec<_> = grants
        .iter()
        .map(|g| {
            json!({
                "userCode": g.user_code,
                "status": g.status.as_str(),
                "mode": g.mode,
                "polls": g.pending_answers,
                "clientId": g.client_id,
                "tenantId": g.tenant_id,
                "scope": g.scope,
            })
        })
        .collect();
    Json(json!({"deviceCodes": codes})).into_response()
}

/// `POST /_sim/entra/device/{user_code}/{approve|decline|expire}`: 200 when done, 404 for an unknown code or
/// action, 409 for a code already declined, expired or redeemed.
pub async fn act_on_device_code(
    State(state): State<Arc<SimState>>,
    Path((user_code, action)): Path<(String, String)>,
) -> Response {
    let status = match action.as_str() {
        "approve" => DeviceStatus::Approved,
        "decline" => DeviceStatus::Declined,
        "expire" => DeviceStatus::Expired,
        _ => {
            let message = format!("unknown action '{action}': approve, decline or expire");
            return (StatusCode::NOT_FOUND, Json(json!({"error": message}))).into_response();
        }
    };
    let (code, message) = match device::act(&state, &user_code, status) {
        Ok(()) => return Json(json!({"userCode": user_code, "status": status.as_str()})).into_response(),
        Err(None) => (StatusCode::NOT_FOUND, format!("no device code has the user code '{user_code}'")),
        Err(Some(now)) => {
            (StatusCode::CONFLICT, format!("the device code '{user_code}' is already {}", now.as_str()))
        }
    };
    (code, Json(json!({"error": message}))).into_response()
}

/// `POST /_sim/entra/revoke`: every refresh token issued so far is revoked (AADSTS50173 from now on);
/// answers `{"revoked": N}`, the number that were live.
pub async fn revoke(State(state): State<Arc<SimState>>) -> Response {
    Json(json!({"revoked": refresh::revoke_all(&state)})).into_response()
}

/// `GET /_sim/entra/tokens`: `{"issued": {grant_type: n}, "byClient": {client_id: {grant_type: n}},
/// "refreshTokens": n}`, tokens answered so far.
pub async fn tokens(State(state): State<Arc<SimState>>) -> Response {
    let books = state.entra.books();
    Json(json!({
        "issued": books.issued,
        "byClient": books.issued_to,
        "refreshTokens": books.refresh_tokens.len(),
    }))
    .into_response()
}
