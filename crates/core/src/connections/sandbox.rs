//! The Sandbox profile's Azure: the simulator, started inside the app the first time it is needed.

use foundry_azure::cloud::Cloud;
use foundry_sim::RunningSim;
use tokio::sync::OnceCell;
use url::Url;

use super::ConnectionError;

/// The in-process simulator, started once.
#[derive(Default)]
pub struct Sandbox {
    sim: OnceCell<RunningSim>,
}

impl Sandbox {
    async fn sim(&self) -> Result<&RunningSim, ConnectionError> {
        // `FOUNDRY_SANDBOX_PORT` pins the port, so a benchmark can reach the same simulator the app
        // talks to; otherwise any free loopback port.
        let port = std::env::var("FOUNDRY_SANDBOX_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(0);
        self.sim.get_or_try_init(|| RunningSim::start_on(port)).await.map_err(|e| {
            ConnectionError::Input(format!("the Sandbox could not start on a loopback port: {e}"))
        })
    }

    /// The simulator's Resource Manager and sign-in, as a cloud.
    pub async fn cloud(&self) -> Result<Cloud, ConnectionError> {
        let base = self.sim().await?.base_url();
        let url =
            Url::parse(&base).map_err(|e| ConnectionError::Input(format!("Sandbox address {base}: {e}")))?;
        Ok(Cloud::at("Sandbox", &url))
    }

    /// Adds fault rules to the simulator (its "simulate a problem").
    pub async fn add_faults(&self, faults: Vec<foundry_sim::Fault>) -> Result<(), ConnectionError> {
        self.sim().await?.add_faults(faults);
        Ok(())
    }

    /// Switches every fault off.
    pub async fn clear_faults(&self) -> Result<(), ConnectionError> {
        self.sim().await?.clear_faults();
        Ok(())
    }

    /// Where the simulator serves an account's inference endpoint.
    pub async fn endpoint_for(&self, azure_endpoint: &str) -> Result<String, ConnectionError> {
        Ok(self.sim().await?.endpoint_for(azure_endpoint))
    }
}

impl super::Connections {
    /// Makes the Sandbox's Azure misbehave as `faults` say (any surface: Resource Manager, metrics, the
    /// price list, inference), until [`clear_sandbox_faults`](Self::clear_sandbox_faults).
    pub async fn add_sandbox_faults(&self, faults: Vec<foundry_sim::Fault>) -> Result<(), ConnectionError> {
        self.sandbox.add_faults(faults).await
    }

    /// The Sandbox's Azure behaves again.
    pub async fn clear_sandbox_faults(&self) -> Result<(), ConnectionError> {
        self.sandbox.clear_faults().await
    }
}
