//! Streams one answer to a sink, event by event, until it ends, fails or the person presses Stop
//! (which drops the stream: the connection closes and Azure stops generating).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use foundry_azure::inference::{ChatEvent, ChatParams, ChatTarget, InferenceClient};
use tokio_util::sync::CancellationToken;

use super::answer::{AnswerRecorder, Ending};
use super::problems::ProblemContext;
use super::{PlaygroundEvent, SendOutcome};

/// The answers streaming now, by run id, so Stop can reach them.
#[derive(Default)]
pub struct Runs {
    active: Mutex<HashMap<String, CancellationToken>>,
}

/// A run in the registry; leaves it when dropped.
pub struct RunGuard<'a> {
    runs: &'a Runs,
    id: String,
    pub cancel: CancellationToken,
}

impl Drop for RunGuard<'_> {
    fn drop(&mut self) {
        self.runs.lock().remove(&self.id);
    }
}

impl Runs {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, CancellationToken>> {
        self.active.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Registers run `id` (a run of the same id is stopped first).
    pub fn start(&self, id: &str) -> RunGuard<'_> {
        let cancel = CancellationToken::new();
        if let Some(previous) = self.lock().insert(id.to_string(), cancel.clone()) {
            previous.cancel();
        }
        RunGuard { runs: self, id: id.to_string(), cancel }
    }

    /// Stops run `id`; false when it is not running (finished already).
    pub fn stop(&self, id: &str) -> bool {
        match self.lock().get(id) {
            Some(cancel) => {
                cancel.cancel();
                true
            }
            None => false,
        }
    }
}

/// Asks for a streamed answer and hands each event to `sink` as it arrives.
pub async fn stream_answer(
    client: &InferenceClient,
    target: &ChatTarget,
    params: &ChatParams,
    cancel: &CancellationToken,
    context: &ProblemContext,
    mut sink: impl FnMut(PlaygroundEvent),
) -> SendOutcome {
    let mut recorder = AnswerRecorder::new(Instant::now());
    let opened = tokio::select! {
        opened = client.chat_stream(target, params) => opened,
        () = cancel.cancelled() => return recorder.finish(Ending::Stopped, Instant::now(), context),
    };
    let mut stream = match opened {
        Ok(stream) => stream,
        Err(error) => return recorder.finish(Ending::Failed(error), Instant::now(), context),
    };
    let ending = loop {
        let event = tokio::select! {
            event = stream.next() => event,
            // Dropping the stream (below, by leaving) closes the connection.
            () = cancel.cancelled() => break Ending::Stopped,
        };
        match event {
            None => break Ending::Finished,
            Some(ChatEvent::Error { error, .. }) => break Ending::Failed(error),
            Some(event) => {
                if let Some(shown) = recorder.on_event(event, Instant::now()) {
                    sink(shown);
                }
            }
        }
    };
    drop(stream);
    recorder.finish(ending, Instant::now(), context)
}
