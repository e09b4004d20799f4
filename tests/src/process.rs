//! Child processes that die with the test, and ports.

use std::net::TcpListener;
use std::process::Child;
use std::time::{Duration, Instant};

/// Kills (and reaps) the child when dropped, so a failing test leaves nothing running.
pub struct KillOnDrop(Child);

impl KillOnDrop {
    pub fn new(child: Child) -> Self {
        Self(child)
    }
}

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// Waits until something accepts connections on `port`.
pub async fn wait_for_port(port: u16, patience: Duration) {
    let deadline = Instant::now() + patience;
    while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(Instant::now() < deadline, "nothing listened on port {port} within {patience:?}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}
