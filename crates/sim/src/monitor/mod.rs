//! Azure Monitor for the simulated accounts: a traffic book the inference surface writes into as it
//! answers (and tests add history to), and the platform metrics endpoint that reads it back
//! (`{account}/providers/Microsoft.Insights/metrics`).

mod metrics;
mod query;
mod timespan;
pub mod traffic;

pub use metrics::metrics;
pub use traffic::{TrafficBook, TrafficHistory, TrafficMinute};

use crate::state::SimState;

/// Adds history for a deployment of an account that exists (any case); returns the minutes it held.
pub fn add_history(state: &SimState, history: &TrafficHistory) -> Result<usize, String> {
    check_history(state, history)?;
    Ok(state.traffic.add(history))
}

/// Whether history can be added: its account exists and it names a deployment.
pub fn check_history(state: &SimState, history: &TrafficHistory) -> Result<(), String> {
    let known = state.world().accounts.iter().any(|a| a.name.eq_ignore_ascii_case(&history.account));
    if !known {
        return Err(format!("There is no account named '{}'.", history.account));
    }
    if history.deployment.trim().is_empty() {
        return Err("'deployment' must name a deployment.".into());
    }
    Ok(())
}
