//! Child processes that die with the test, and ports.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use nix::sys::signal::{killpg, Signal};
use nix::unistd::Pid;

/// A child started in a process group of its own. Dropping it kills the whole group, so the processes
/// it started (tauri-driver → WebKitWebDriver → the app → WebKit's helpers) never outlive a test.
pub struct KillOnDrop(Child);

impl KillOnDrop {
    /// Spawns `command` as the leader of a new process group.
    pub fn spawn(command: &mut Command) -> std::io::Result<Self> {
        command.process_group(0).spawn().map(Self)
    }

    /// The child, e.g. to take its stdout.
    pub fn child(&mut self) -> &mut Child {
        &mut self.0
    }
}

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Ok(pid) = i32::try_from(self.0.id()) {
            let _ = killpg(Pid::from_raw(pid), Signal::SIGKILL);
        }
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
