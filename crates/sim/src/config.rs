//! How a simulator run behaves: its seed, long-running-operation shape, paging, streaming pace, faults, and
//! how sign-in goes (device-code pace, token lifetimes).

use crate::entra::DeviceMode;
use crate::faults::Fault;
use crate::seed::Seed;

/// Which shape of long-running operation deployment mutations answer with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LroShape {
    /// The REST spec: PUT 201/200 + Azure-AsyncOperation + Retry-After; PATCH and DELETE 202 + Location
    /// (+ Azure-AsyncOperation, as the spec's own examples show) + Retry-After.
    #[default]
    Spec,
    /// What real traffic did: PUT 201 already Succeeded with no async header; PATCH 202 with only
    /// `azure-asyncoperation`; DELETE 200 with an empty body.
    Real,
    /// Like `Spec`, but every poll URL is over 4 KB long.
    LongUrl,
    /// Only a `Location` header to poll (202 while running, then the result).
    Location,
    /// No poll header at all: the client reads the resource's `provisioningState` until it is terminal.
    Resource,
}

impl LroShape {
    /// Parses `spec`, `real`, `long-url`, `location` or `resource` (the `x-sim-lro` header's values).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "spec" => Some(Self::Spec),
            "real" => Some(Self::Real),
            "long-url" | "longurl" => Some(Self::LongUrl),
            "location" => Some(Self::Location),
            "resource" => Some(Self::Resource),
            _ => None,
        }
    }
}

/// Settings of one simulator run.
#[derive(Clone, Debug)]
pub struct SimConfig {
    /// The starting world (default: [`Seed::sandbox`]).
    pub seed: Seed,
    /// Long-running operation shape (a request's `x-sim-lro` header overrides it).
    pub lro_shape: LroShape,
    /// Polls an operation takes to finish (Creating → Succeeded); 0 finishes at once.
    pub polls_to_finish: u32,
    /// The `Retry-After` seconds sent with operations and throttling (1 by default; 0 for fast tests).
    pub retry_after_secs: u64,
    /// Items per page of every list (None: one page); `?pageSize=` on a request overrides it.
    pub page_size: Option<usize>,
    /// Faults active from the start (`FOUNDRY_SIM_FAULTS` adds more).
    pub faults: Vec<Fault>,
    /// Pause between two events of a streamed chat completion, in milliseconds (5 by default, so the
    /// Sandbox visibly streams; 0 in [`SimConfig::fast`]).
    pub chunk_delay_ms: u64,
    /// The `interval` device codes ask clients to poll at, in seconds; a faster poll gets `slow_down`
    /// (5 by default, as Entra; 0 in [`SimConfig::fast`], which also turns `slow_down` off).
    pub device_code_interval_secs: u64,
    /// `authorization_pending` answers a device code gets before the simulated user acts on it
    /// (2 by default; 1 in [`SimConfig::fast`]).
    pub device_code_approve_after_polls: u32,
    /// What the simulated user then does (approve by default); `/_sim/entra/device-mode` changes it.
    pub device_code_mode: DeviceMode,
    /// Lifetime of access and id tokens, in seconds (3600); 0 mints tokens that are already expired.
    pub access_token_lifetime_secs: u64,
    /// Lifetime of refresh tokens, in seconds (90 days); 0 mints refresh tokens refused with AADSTS70008.
    pub refresh_token_lifetime_secs: u64,
    /// How long a new role assignment takes to be enforced, in milliseconds (0: at once). Azure's take up to
    /// minutes; the list shows them at once either way.
    pub role_propagation_ms: u64,
}

impl Default for SimConfig {
    fn default() -> Self {
        Self {
            seed: Seed::sandbox(),
            lro_shape: LroShape::Spec,
            polls_to_finish: 2,
            retry_after_secs: 1,
            page_size: None,
            faults: Vec::new(),
            chunk_delay_ms: 5,
            device_code_interval_secs: 5,
            device_code_approve_after_polls: 2,
            device_code_mode: DeviceMode::Auto,
            access_token_lifetime_secs: 3600,
            refresh_token_lifetime_secs: 90 * 24 * 3600,
            role_propagation_ms: 0,
        }
    }
}

impl SimConfig {
    /// The default run with `Retry-After: 0`, no pause between stream chunks, and device codes polled
    /// without an interval and approved after one pending answer, so clients under test do not wait.
    pub fn fast() -> Self {
        Self {
            retry_after_secs: 0,
            chunk_delay_ms: 0,
            device_code_interval_secs: 0,
            device_code_approve_after_polls: 1,
            ..Self::default()
        }
    }
}
