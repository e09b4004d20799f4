//! The Azure simulator: an HTTP server on a loopback port that answers like Azure does (ARM, inference,
//! Entra, role-based access control, Microsoft Graph's directory reads, Azure Monitor metrics of the traffic it
//! served, and the public Retail Prices API). Inference is served under each account's host name as the first
//! path segment (see
//! [`sandbox_endpoint`]). It shares no types with the client in `crates/azure`, so a misreading of Azure's contract
//! cannot hide in both. Used in-process by Sandbox mode and the tests, and as the `foundry-sim` binary.

pub mod access;
mod arm;
pub mod catalog;
pub mod config;
mod control;
pub mod entra;
mod errors;
pub mod faults;
mod graph;
mod ids;
mod inference;
mod monitor;
mod odata;
mod prices;
pub mod pricing;
pub mod proxy;
mod rai;
pub mod region_scale;
pub mod sandbox;
pub mod seed;
mod state;
mod world;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

pub use config::{LroShape, SimConfig};
pub use entra::{authority_url, DeviceMode};
pub use faults::{Fault, FaultKind};
pub use inference::sandbox_endpoint;
pub use monitor::{TrafficHistory, TrafficMinute};
pub use prices::PAGE_SIZE as PRICES_PAGE_SIZE;
pub use proxy::RecordingProxy;
pub use seed::Seed;

/// A simulator serving on `127.0.0.1:<port>` until dropped.
pub struct RunningSim {
    addr: SocketAddr,
    state: Arc<state::SimState>,
    shutdown: Option<oneshot::Sender<()>>,
}

impl RunningSim {
    /// Starts the simulator on a free loopback port.
    pub async fn start() -> std::io::Result<Self> {
        Self::start_on(0).await
    }

    /// Starts the simulator on a given loopback port (0 picks a free one).
    /// The default world, or the seed `FOUNDRY_SIM_SEED` names (`region-scale`): the Sandbox in the app
    /// and `fdesk sim` take it; a test that passes its own config never does.
    pub async fn start_on(port: u16) -> std::io::Result<Self> {
        let mut config = SimConfig::default();
        if let Ok(name) = std::env::var("FOUNDRY_SIM_SEED") {
            config.seed = seed::Seed::named(&name).ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!("FOUNDRY_SIM_SEED: no seed named '{name}' (sandbox, region-scale)"),
                )
            })?;
        }
        Self::start_with_on(config, port).await
    }

    /// Starts the simulator with `config` on a free loopback port.
    pub async fn start_with(config: SimConfig) -> std::io::Result<Self> {
        Self::start_with_on(config, 0).await
    }

    /// Starts the simulator with `config` on a given loopback port (0 picks a free one).
    /// Faults in the `FOUNDRY_SIM_FAULTS` environment variable are added to the config's.
    pub async fn start_with_on(mut config: SimConfig, port: u16) -> std::io::Result<Self> {
        if let Ok(spec) = std::env::var("FOUNDRY_SIM_FAULTS") {
            let faults = faults::parse_spec(&spec).map_err(|e| {
                std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("FOUNDRY_SIM_FAULTS: {e}"))
            })?;
            config.faults.extend(faults);
        }
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(state::SimState::new(config, format!("http://{addr}")));
        let served = Arc::clone(&state);
        let (shutdown, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let serve = axum::serve(listener, router(served)).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(e) = serve.await {
                tracing::error!("simulator stopped: {e}");
            }
        });
        Ok(Self { addr, state, shutdown: Some(shutdown) })
    }

    /// `http://127.0.0.1:<port>`: the base URL to use in place of Azure's hosts.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Adds fault rules, as `POST /_sim/faults` does (the Sandbox's "simulate a problem").
    pub fn add_faults(&self, faults: Vec<Fault>) {
        self.state.faults.add(faults);
    }

    /// Adds metrics history for one deployment, as `POST /_sim/traffic` does: Azure Monitor's metrics then
    /// show it next to the traffic really served. Returns the minutes added, or why none were (no such account).
    pub fn add_traffic(&self, history: &TrafficHistory) -> Result<usize, String> {
        monitor::add_history(&self.state, history)
    }

    /// Switches every fault off, as `DELETE /_sim/faults` does.
    pub fn clear_faults(&self) {
        self.state.faults.set(Vec::new());
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The Entra authority for `tenant` (a tenant id, `organizations` or `common`) on this simulator, in
    /// place of `https://login.microsoftonline.com/{tenant}` (see [`authority_url`]).
    pub fn authority_url(&self, tenant: &str) -> String {
        authority_url(&self.base_url(), tenant)
    }

    /// Where this simulator serves an account's Azure endpoint (see [`sandbox_endpoint`]).
    pub fn endpoint_for(&self, azure_endpoint: &str) -> String {
        sandbox_endpoint(&self.base_url(), azure_endpoint)
    }

    /// Microsoft Graph on this simulator, in place of `https://graph.microsoft.com` (requests go to
    /// `{graph_url}/v1.0/...`): the base URL.
    pub fn graph_url(&self) -> String {
        self.base_url()
    }

    /// Makes the directory user `upn` (any case; an object id works too) the one who signs in from now on, as
    /// `POST /_sim/entra/user` does: device codes approved and authorization codes issued after this are
    /// theirs, and so are the refresh tokens those lead to. Err for a name no directory knows.
    pub fn sign_in_as(&self, upn: &str) -> Result<(), String> {
        entra::sign_in_as(&self.state, upn).map(|_| ())
    }

    /// A valid access token for `upn` and the resource of `resource_scope`
    /// (`https://cognitiveservices.azure.com/.default`, `https://management.azure.com/.default`,
    /// `https://graph.microsoft.com/.default`…), minted as if they had signed in: the simulator holds it to the
    /// user's role assignments. A name no directory knows gets a token for a principal with no roles.
    pub fn access_token_for(&self, upn: &str, resource_scope: &str) -> String {
        entra::mint_for(&self.state, upn, resource_scope)
    }
}

impl Drop for RunningSim {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

fn router(state: Arc<state::SimState>) -> Router {
    // ARM paths are case-insensitive, so ARM requests are matched by `arm::handle` rather than by
    // axum's (case-sensitive) routes; whatever it does not model fails loudly, naming the request.
    // Inference requests are told apart by their first segment, an account's host name. Entra's paths
    // (`/{tenant}/oauth2/v2.0/...`) are routes of their own, so they are matched before that fallback.
    Router::new()
        .route(
            "/_sim/faults",
            post(control::set_faults).get(control::list_faults).delete(control::clear_faults),
        )
        .route("/_sim/inference/writes", get(control::inference_writes))
        .route(
            "/_sim/inference/requests",
            get(control::inference_requests).delete(control::reset_inference_requests),
        )
        // A month of per-minute history for one deployment is a few MB of JSON.
        .route("/_sim/traffic", post(control::add_traffic).layer(DefaultBodyLimit::max(64 * 1024 * 1024)))
        .merge(entra::routes())
        .fallback(dispatch)
        .with_state(state)
}

/// Everything but the control routes: inference under an account host, Microsoft Graph under `/v1.0/`, the
/// Retail Prices API, ARM otherwise.
async fn dispatch(
    State(state): State<Arc<state::SimState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if inference::is_inference_path(uri.path()) {
        inference::handle(state, method, uri, headers, body).await
    } else if graph::is_graph_path(uri.path()) {
        graph::handle(state, method, uri, headers, body).await
    } else if method == Method::GET && uri.path().eq_ignore_ascii_case(prices::PATH) {
        // The price list is down only when a fault names its path: `unavailable` or `500`.
        let down = |k: FaultKind| matches!(k, FaultKind::Unavailable | FaultKind::ServerError);
        match state.faults.take_aimed("GET", uri.path(), down) {
            Some(fault) => {
                let anyone = access::Caller::foreign();
                faults::fault_response(&fault, state.retry_after_secs, "", "GET", uri.path(), &anyone)
                    .unwrap_or_else(|| prices::answer(&state, &uri))
            }
            None => prices::answer(&state, &uri),
        }
    } else {
        arm::handle(State(state), method, uri, headers, body).await
    }
}
