//! The state shared by every request of one run.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use crate::config::{LroShape, SimConfig};
use crate::faults::FaultBoard;
use crate::world::World;

/// One run's world, settings and faults.
pub struct SimState {
    world: Mutex<World>,
    /// Active faults.
    pub faults: FaultBoard,
    /// Default LRO shape.
    pub lro_shape: LroShape,
    /// Polls an operation takes.
    pub polls_to_finish: u32,
    /// Retry-After seconds.
    pub retry_after_secs: u64,
    /// Default page size.
    pub page_size: Option<usize>,
    /// `http://127.0.0.1:<port>`, for nextLink and poll URLs.
    pub base_url: String,
    /// Pause between streamed chat-completion events.
    pub chunk_delay_ms: u64,
    /// Inference bookkeeping: rate-limit windows, prompt caches, request counts.
    pub inference: crate::inference::InferenceState,
    /// Sign-in: device and authorization codes, refresh tokens, token settings.
    pub entra: crate::entra::EntraState,
    /// What each deployment served per minute: Azure Monitor's metrics are read from it.
    pub traffic: crate::monitor::TrafficBook,
    budgets: [AtomicU64; 3],
}

/// Which ARM throttling budget a request spends.
#[derive(Clone, Copy)]
pub enum Budget {
    /// GET.
    Reads = 0,
    /// PUT, PATCH, POST.
    Writes = 1,
    /// DELETE.
    Deletes = 2,
}

impl SimState {
    /// A run's state from its config.
    pub fn new(config: SimConfig, base_url: String) -> Self {
        let faults = FaultBoard::default();
        let entra = crate::entra::EntraState::new(&config);
        faults.set(config.faults);
        let mut world = World::from_seed(config.seed);
        world.access.propagation = std::time::Duration::from_millis(config.role_propagation_ms);
        Self {
            world: Mutex::new(world),
            faults,
            lro_shape: config.lro_shape,
            polls_to_finish: config.polls_to_finish,
            retry_after_secs: config.retry_after_secs,
            page_size: config.page_size,
            base_url,
            chunk_delay_ms: config.chunk_delay_ms,
            inference: crate::inference::InferenceState::default(),
            entra,
            traffic: crate::monitor::TrafficBook::default(),
            budgets: [AtomicU64::new(12_000), AtomicU64::new(1_200), AtomicU64::new(15_000)],
        }
    }

    /// The world, locked. Never held across an await.
    pub fn world(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Spends one request of a budget and returns what remains (ARM's `x-ms-ratelimit-remaining-*`).
    pub fn spend(&self, budget: Budget) -> u64 {
        let counter = &self.budgets[budget as usize];
        let previous =
            counter.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |v| Some(v.saturating_sub(1)));
        previous.unwrap_or(0).saturating_sub(1)
    }
}
