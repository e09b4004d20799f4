//! Long-running operations on deployments: an operation runs for a set number of polls, holds its
//! account (a second mutation meanwhile gets 409 RequestConflict), then ends Succeeded or Failed.
//! Polled through `Azure-AsyncOperation` (`.../operationStatuses/{id}`), `Location`
//! (`.../operationResults/{id}`), or a GET of the deployment itself.

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::{deployments, render, Call};
use crate::config::LroShape;
use crate::errors::arm_error;
use crate::world::World;

/// What an operation does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// PUT of a new deployment.
    Create,
    /// PUT of an existing deployment, or PATCH.
    Update,
    /// DELETE.
    Delete,
}

/// One long-running operation.
#[derive(Clone, Debug)]
pub struct Operation {
    /// Subscription (for its URLs).
    pub subscription: String,
    /// Region (for its URLs).
    pub location: String,
    /// Account index in the world.
    pub account: usize,
    /// Deployment name.
    pub deployment: String,
    /// What it does.
    pub action: Action,
    /// Polls before it ends.
    pub polls_left: u32,
    /// Ends Failed instead of Succeeded.
    pub fails: bool,
    /// None while running; Some(succeeded) once done.
    pub outcome: Option<bool>,
    /// When it started.
    pub start_time: String,
}

/// Starts an operation; with `polls == 0` it is over at once. Returns its id.
pub fn begin(
    world: &mut World,
    account: usize,
    deployment: &str,
    action: Action,
    polls: u32,
    fails: bool,
) -> String {
    let id = crate::ids::guid();
    let a = &world.accounts[account];
    let operation = Operation {
        subscription: a.subscription_id.clone(),
        location: a.location.clone(),
        account,
        deployment: deployment.to_string(),
        action,
        polls_left: polls,
        fails,
        outcome: None,
        start_time: crate::ids::utc_timestamp(0),
    };
    world.operations.insert(id.clone(), operation);
    world.accounts[account].busy_with = Some(id.clone());
    if polls == 0 {
        finish(world, &id);
    }
    id
}

/// The running operation holding an account, if any.
pub fn holding(world: &World, account: usize) -> Option<String> {
    let id = world.accounts[account].busy_with.as_ref()?;
    world.operations.get(id).filter(|op| op.outcome.is_none()).map(|_| id.clone())
}

/// The running operation on one deployment, if any.
pub fn running_on(world: &World, account: usize, deployment: &str) -> Option<String> {
    holding(world, account).filter(|id| {
        world.operations.get(id).is_some_and(|op| op.deployment.eq_ignore_ascii_case(deployment))
    })
}

/// One poll: the operation moves one step towards its end.
pub fn advance(world: &mut World, id: &str) {
    let Some(op) = world.operations.get_mut(id) else { return };
    if op.outcome.is_some() {
        return;
    }
    op.polls_left = op.polls_left.saturating_sub(1);
    if op.polls_left == 0 {
        finish(world, id);
    }
}

fn finish(world: &mut World, id: &str) {
    let Some(op) = world.operations.get_mut(id) else { return };
    op.outcome = Some(!op.fails);
    let op = op.clone();
    let account = &mut world.accounts[op.account];
    account.busy_with = None;
    let Some(index) = deployments::find(account, &op.deployment) else { return };
    match (op.action, op.fails) {
        (Action::Delete, false) => {
            account.deployments.remove(index);
        }
        (_, failed) => {
            account.deployments[index].provisioning_state =
                if failed { "Failed" } else { "Succeeded" }.into();
        }
    }
}

/// `(Azure-AsyncOperation URL, Location URL)` of an operation.
pub fn poll_urls(call: &Call, id: &str, op_sub: &str, op_location: &str) -> (String, String) {
    let base = format!(
        "{}/subscriptions/{op_sub}/providers/Microsoft.CognitiveServices/locations/{}",
        call.state.base_url,
        op_location.replace(' ', "").to_ascii_lowercase()
    );
    // Real poll URLs carry opaque state; the long shape pads to exceed 4 KB.
    let padding =
        if call.lro_shape == LroShape::LongUrl { format!("&t={}", "x".repeat(4200)) } else { String::new() };
    (
        format!("{base}/operationStatuses/{id}?api-version=2026-09-01{padding}"),
        format!("{base}/operationResults/{id}?api-version=2026-09-01{padding}"),
    )
}

/// Adds a header, skipping values that cannot be headers.
pub fn set_header(response: &mut Response, name: &'static str, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        response.headers_mut().insert(name, value);
    }
}

fn operation_error() -> Value {
    json!({"code": "InternalServerError",
           "message": "The operation failed because of an internal error in the service. Please retry the operation."})
}

/// `GET .../operationStatuses/{id}`: the Azure-AsyncOperation poll.
pub fn status(call: &Call, id: &str) -> Response {
    let mut world = call.state.world();
    advance(&mut world, id);
    let Some(op) = world.operations.get(id) else { return operation_not_found(id) };
    let status = match (op.outcome, op.action) {
        (Some(true), _) => "Succeeded",
        (Some(false), _) => "Failed",
        (None, Action::Create) => "Creating",
        (None, Action::Update) => "Updating",
        (None, Action::Delete) => "Deleting",
    };
    let mut body = json!({
        "id": format!("/subscriptions/{}/providers/Microsoft.CognitiveServices/locations/{}/operationStatuses/{id}",
                      op.subscription, op.location),
        "name": id,
        "status": status,
        "startTime": op.start_time,
    });
    if op.outcome.is_some() {
        body["endTime"] = json!(crate::ids::utc_timestamp(0));
    }
    if op.outcome == Some(false) {
        body["error"] = operation_error();
    }
    let running = op.outcome.is_none();
    drop(world);
    let mut response = super::json(StatusCode::OK, body);
    if running {
        set_header(&mut response, "retry-after", &call.state.retry_after_secs.to_string());
    }
    response
}

/// `GET .../operationResults/{id}`: the Location poll — 202 while running, then the result.
pub fn result(call: &Call, id: &str) -> Response {
    let mut world = call.state.world();
    advance(&mut world, id);
    let Some(op) = world.operations.get(id).cloned() else { return operation_not_found(id) };
    match op.outcome {
        None => {
            drop(world);
            let mut response = StatusCode::ACCEPTED.into_response();
            let (_, location) = poll_urls(call, id, &op.subscription, &op.location);
            set_header(&mut response, "location", &location);
            set_header(&mut response, "retry-after", &call.state.retry_after_secs.to_string());
            response
        }
        Some(false) => super::json(StatusCode::INTERNAL_SERVER_ERROR, json!({"error": operation_error()})),
        Some(true) if op.action == Action::Delete => StatusCode::NO_CONTENT.into_response(),
        Some(true) => {
            let account = &world.accounts[op.account];
            match deployments::find(account, &op.deployment) {
                Some(d) => super::json(StatusCode::OK, render::deployment(account, &account.deployments[d])),
                None => deployments::deployment_not_found(&op.deployment).into_response(),
            }
        }
    }
}

fn operation_not_found(id: &str) -> Response {
    arm_error(
        StatusCode::NOT_FOUND,
        "OperationNotFound",
        &format!("The operation '{id}' could not be found."),
    )
}
