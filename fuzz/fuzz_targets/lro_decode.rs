//! The first answer to a mutation and every operation-status body decode to a decision or a typed
//! error, never a panic, whatever the status, headers (any case, 4 KB+ URLs) and body.
#![no_main]

use std::time::Duration;

use arbitrary::Arbitrary;
use foundry_azure::http::HttpAnswer;
use foundry_azure::lro::{first_step, operation_status, FirstStep, PollVia};
use foundry_azure_fuzz::header_map;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
    default_wait_ms: u16,
}

fuzz_target!(|input: Answer| {
    let answer = HttpAnswer { status: input.status, headers: header_map(&input.headers), body: input.body };
    let default_wait = Duration::from_millis(u64::from(input.default_wait_ms));
    if let Ok(FirstStep::Poll { via, .. }) = first_step(&answer, default_wait) {
        // A poll URL is only ever one Azure sent.
        if let PollVia::AsyncOperation(url) | PollVia::Location(url) = via {
            assert!(answer.headers.values().any(|v| v.as_bytes() == url.as_bytes()));
        }
    }
    if let Ok((status, _error)) = operation_status(&answer.body) {
        let _ = foundry_azure::lro::is_terminal(&status);
    }
});
