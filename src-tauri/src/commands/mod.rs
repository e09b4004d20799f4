//! Tauri commands: each takes typed input, calls one core function, and maps the error.

pub mod access;
pub mod app;
pub mod connections;
pub mod deployments;
pub mod playground;
pub mod privacy;
pub mod settings;
pub mod usage;

use crate::error::{CommandError, ErrorKind};

/// Runs blocking work (D-Bus, disk) off the async runtime's workers and the GTK main thread.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, CommandError> + Send + 'static,
) -> Result<T, CommandError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| CommandError::new(ErrorKind::Internal, format!("background task failed: {e}")))?
}
