//! Any status, headers and body Azure could send turn into one typed error, never a panic: the code
//! and message when the body has them, the request id and Retry-After when the headers do; read as an
//! inference answer too (content filter, 429 wait rule, rate-limit headers).
#![no_main]

use arbitrary::Arbitrary;
use foundry_azure::AzureError;
use foundry_azure_fuzz::header_map;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

fuzz_target!(|answer: Answer| {
    let headers = header_map(&answer.headers);
    let error = AzureError::from_response(answer.status, &headers, &answer.body);
    assert_eq!(error.status, Some(answer.status));
    assert!(!error.message.is_empty(), "every error says something");
    // What the user is shown is built from it, and must not panic either.
    let _ = error.to_string();
    // The inference reading adds the filter verdicts, the 429 wait rule and the rate-limit headroom.
    let error = foundry_azure::inference::errors::inference_error(answer.status, &headers, &answer.body);
    assert_eq!(error.status, Some(answer.status));
    let _ = error.to_string();
});
