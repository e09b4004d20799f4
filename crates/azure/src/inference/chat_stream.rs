//! A streamed answer, pulled one event at a time: a slow reader slows the read (back-pressure), and
//! dropping it closes the connection, which stops the answer at the source.

use std::collections::VecDeque;
use std::pin::Pin;
use std::time::Duration;

use eventsource_stream::{Event, EventStreamError, Eventsource};
use futures_util::{Stream, StreamExt};

use super::client::stalled;
use super::stream::{ChatEvent, StreamAssembler};
use crate::error::{AzureError, ErrorKind};

type SseStream = Pin<Box<dyn Stream<Item = Result<Event, EventStreamError<reqwest::Error>>> + Send>>;

/// A streamed answer, read one event at a time.
pub struct ChatStream {
    events: SseStream,
    assembler: StreamAssembler,
    pending: VecDeque<ChatEvent>,
    ended: bool,
    idle_timeout: Duration,
    request_id: Option<String>,
}

impl ChatStream {
    pub(crate) fn new(
        response: reqwest::Response,
        opened: ChatEvent,
        idle_timeout: Duration,
        request_id: Option<String>,
    ) -> Self {
        Self {
            events: Box::pin(response.bytes_stream().eventsource()),
            assembler: StreamAssembler::new(),
            pending: VecDeque::from([opened]),
            ended: false,
            idle_timeout,
            request_id,
        }
    }

    /// The next event, or `None` once the answer is over (after its last event or its error).
    pub async fn next(&mut self) -> Option<ChatEvent> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Some(self.stamped(event));
            }
            if self.ended {
                return None;
            }
            match tokio::time::timeout(self.idle_timeout, self.events.next()).await {
                Ok(Some(Ok(event))) => {
                    let events = self.assembler.on_data(&event.data);
                    self.ended = self.assembler.has_failed();
                    self.pending.extend(events);
                }
                Ok(Some(Err(error))) => {
                    let error = match error {
                        EventStreamError::Transport(e) => AzureError::local(
                            ErrorKind::StreamCut,
                            format!("the connection broke while the answer was arriving: {e}"),
                        ),
                        other => AzureError::local(
                            ErrorKind::Decode,
                            format!("the answer stream was malformed: {other}"),
                        ),
                    };
                    self.pending.push_back(self.assembler.fail_with(error));
                    self.ended = true;
                }
                Ok(None) => {
                    self.pending.extend(self.assembler.on_end());
                    self.ended = true;
                }
                Err(_) => {
                    let error = stalled(self.idle_timeout);
                    self.pending.push_back(self.assembler.fail_with(error));
                    self.ended = true;
                }
            }
        }
    }

    /// The text received so far for `choice`.
    pub fn text(&self, choice: u32) -> &str {
        self.assembler.text(choice)
    }

    /// Errors carry the answer's request id.
    fn stamped(&self, mut event: ChatEvent) -> ChatEvent {
        if let ChatEvent::Error { error, .. } = &mut event {
            if error.request_id.is_none() {
                error.request_id.clone_from(&self.request_id);
            }
        }
        event
    }
}
