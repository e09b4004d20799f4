//! The Azure simulator: an HTTP server on a loopback port that answers like Azure does (ARM, inference,
//! Entra). It shares no types with the client in `crates/azure`, so a misreading of Azure's contract
//! cannot hide in both. Used in-process by Sandbox mode and the tests, and as the `foundry-sim` binary.

mod errors;

use std::net::SocketAddr;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// A simulator serving on `127.0.0.1:<port>` until dropped.
pub struct RunningSim {
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
}

impl RunningSim {
    /// Starts the simulator on a free loopback port.
    pub async fn start() -> std::io::Result<Self> {
        Self::start_on(0).await
    }

    /// Starts the simulator on a given loopback port (0 picks a free one).
    pub async fn start_on(port: u16) -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let (shutdown, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let serve = axum::serve(listener, router()).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(e) = serve.await {
                tracing::error!("simulator stopped: {e}");
            }
        });
        Ok(Self { addr, shutdown: Some(shutdown) })
    }

    /// `http://127.0.0.1:<port>`: the base URL to use in place of Azure's hosts.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for RunningSim {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

fn router() -> Router {
    // Azure's surfaces are added area by area; anything else fails loudly, naming the request.
    Router::new().fallback(errors::no_such_route)
}
