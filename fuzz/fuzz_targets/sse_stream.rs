//! Any bytes an answer stream could carry assemble into events without a panic; an error, if any,
//! comes last, once, and carries exactly the text the deltas before it delivered.
#![no_main]

use std::collections::BTreeMap;

use foundry_azure::inference::stream::assemble_recorded;
use foundry_azure::inference::ChatEvent;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let events = assemble_recorded(data);
    let mut texts: BTreeMap<u32, String> = BTreeMap::new();
    for (i, event) in events.iter().enumerate() {
        match event {
            ChatEvent::Delta { choice, text } => texts.entry(*choice).or_default().push_str(text),
            ChatEvent::Error { partial, .. } => {
                assert_eq!(i, events.len() - 1, "an error ends the stream");
                for (choice, text) in &texts {
                    assert_eq!(partial.get(*choice as usize), Some(text), "the partial text is what arrived");
                }
            }
            _ => {}
        }
    }
});
