//! Streamed answers, event for event as Azure sends them (`contract/azure/inference/*.sse`): a first chunk
//! with only `prompt_filter_results`; a role chunk per choice; content chunks of one token each with
//! filter results and `obfuscation` padding, choices interleaved; a finish chunk per choice; with
//! `include_usage` a `usage` chunk; then `data: [DONE]`. Stream faults bend that sequence. The events are
//! sent one by one, paced, over a channel, and sending stops when the client goes away.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use serde_json::{json, Value};
use tokio::sync::mpsc;

use super::answer::{Completion, Meta};
use super::filters;
use crate::faults::{Fault, FaultKind};
use crate::state::SimState;

/// Content chunks before a stream fault strikes when the fault does not say.
const DEFAULT_AFTER: u32 = 3;
/// Answer text covered by one asynchronous-filter annotation, in tokens.
const ANNOTATION_SPAN: usize = 40;

/// How a stream departs from the normal sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// The normal sequence.
    Plain,
    /// Ends after N content chunks: no finish chunk, no `[DONE]`.
    Cut(usize),
    /// One broken `data:` line after N content chunks, then the rest as normal.
    Malformed(usize),
    /// The completion filter stops every unfinished choice after N content chunks.
    Filtered {
        /// Content chunks before it strikes.
        after: usize,
        /// The category flagged.
        category: String,
    },
    /// Content chunks carry no filter results; annotations follow the finish chunks.
    AsyncFilter,
}

impl Shape {
    /// The shape a stream fault asks for (Plain when none).
    pub fn from_fault(fault: Option<&Fault>) -> Self {
        let Some(fault) = fault else { return Self::Plain };
        let after = fault.after.unwrap_or(DEFAULT_AFTER) as usize;
        match fault.kind {
            FaultKind::CutStream => Self::Cut(after),
            FaultKind::MalformedChunk => Self::Malformed(after),
            FaultKind::ContentFilterCompletion => Self::Filtered {
                after,
                category: filters::normalize(fault.category.as_deref().unwrap_or("violence")),
            },
            FaultKind::AsyncFilter => Self::AsyncFilter,
            _ => Self::Plain,
        }
    }

    fn strikes_after(&self) -> Option<usize> {
        match self {
            Self::Cut(after) | Self::Malformed(after) | Self::Filtered { after, .. } => Some(*after),
            Self::Plain | Self::AsyncFilter => None,
        }
    }
}

fn data(value: &Value) -> String {
    format!("data: {value}\n\n")
}

/// Random padding like Azure's `obfuscation` field, so chunk sizes do not reveal token lengths.
fn obfuscation() -> String {
    crate::ids::random_alnum(1 + crate::ids::random_below(16) as usize)
}

/// A `chat.completion.chunk` carrying one choice entry (or none).
fn chunk(meta: &Meta, choices: Value, include_usage: bool) -> Value {
    let mut chunk = json!({
        "choices": choices,
        "created": meta.created,
        "id": meta.id,
        "model": meta.model,
        "obfuscation": obfuscation(),
        "object": "chat.completion.chunk",
        "system_fingerprint": meta.system_fingerprint,
    });
    if include_usage {
        chunk["usage"] = Value::Null;
    }
    chunk
}

/// Every event of one streamed answer, in order, each `data: …\n\n`.
pub fn events(meta: &Meta, completion: &Completion, include_usage: bool, shape: &Shape) -> Vec<String> {
    let mut out = Vec::new();
    let mut first = json!({"choices": [], "created": 0, "id": "", "model": "", "object": "",
                           "prompt_filter_results": filters::prompt_filter_results()});
    if include_usage {
        first["usage"] = Value::Null;
    }
    out.push(data(&first));
    let choices = &completion.choices;
    for c in choices {
        let role = json!([{"content_filter_results": {}, "delta": {"content": "", "refusal": null, "role": "assistant"},
                           "finish_reason": null, "index": c.index, "logprobs": null}]);
        out.push(data(&chunk(meta, role, include_usage)));
    }
    let mut sent = vec![0usize; choices.len()];
    let mut done = vec![false; choices.len()];
    let mut content_chunks = 0;
    let mut struck = false;
    'rounds: while done.iter().any(|d| !d) {
        for (i, c) in choices.iter().enumerate() {
            if done[i] {
                continue;
            }
            let next = c.pieces.get(sent[i]);
            // A fault strikes after its count of content chunks, or at the latest before a finish chunk.
            if !struck && shape.strikes_after().is_some_and(|after| content_chunks >= after || next.is_none())
            {
                struck = true;
                match shape {
                    Shape::Cut(_) => return out,
                    Shape::Malformed(_) => out.push(
                        "data: {\"choices\":[{\"content_filter_results\":{\"hate\":{\"filtered\":fa\n\n"
                            .into(),
                    ),
                    Shape::Filtered { category, .. } => {
                        for (j, c) in choices.iter().enumerate() {
                            if done[j] {
                                continue;
                            }
                            let finish = json!([{"content_filter_results": filters::completion(Some(category)),
                                                 "delta": {}, "finish_reason": "content_filter",
                                                 "index": c.index, "logprobs": null}]);
                            out.push(data(&chunk(meta, finish, include_usage)));
                            done[j] = true;
                        }
                        break 'rounds;
                    }
                    Shape::Plain | Shape::AsyncFilter => {}
                }
            }
            let entry = match next {
                Some(piece) => {
                    sent[i] += 1;
                    content_chunks += 1;
                    let mut entry = json!({"delta": {"content": piece}, "finish_reason": null,
                                           "index": c.index, "logprobs": null});
                    if *shape != Shape::AsyncFilter {
                        entry["content_filter_results"] = filters::completion(None);
                    }
                    entry
                }
                None => {
                    done[i] = true;
                    json!({"content_filter_results": {}, "delta": {}, "finish_reason": c.finish,
                           "index": c.index, "logprobs": null})
                }
            };
            out.push(data(&chunk(meta, json!([entry]), include_usage)));
        }
    }
    if *shape == Shape::AsyncFilter {
        for c in choices {
            let mut offset = 0;
            for span in c.pieces.chunks(ANNOTATION_SPAN) {
                let end = offset + span.iter().map(|p| p.chars().count()).sum::<usize>();
                let mut annotation = json!({
                    "choices": [{"content_filter_offsets": {"check_offset": end, "start_offset": offset, "end_offset": end},
                                 "content_filter_results": filters::completion(None),
                                 "finish_reason": null, "index": c.index}],
                    "created": 0, "id": "", "model": "", "object": "",
                });
                if include_usage {
                    annotation["usage"] = Value::Null;
                }
                out.push(data(&annotation));
                offset = end;
            }
        }
    }
    if include_usage {
        let mut usage = chunk(meta, json!([]), false);
        usage["usage"] = completion.usage(&sent);
        out.push(data(&usage));
    }
    out.push("data: [DONE]\n\n".into());
    out
}

/// How a body is paced.
#[derive(Clone, Copy, Debug, Default)]
pub struct Pacing {
    /// Between two parts.
    pub gap: Duration,
    /// Break the connection after the last part instead of ending the body.
    pub abort: bool,
}

/// A body that sends `parts` one at a time as paced, from a task that stops (and is counted as a
/// cancelled stream) as soon as the client stops listening.
pub fn paced_body(state: Arc<SimState>, parts: Vec<Bytes>, pacing: Pacing) -> Body {
    let (tx, mut rx) = mpsc::channel::<Result<Bytes, std::io::Error>>(1);
    tokio::spawn(async move {
        state.inference.log.stream_started();
        for (i, part) in parts.into_iter().enumerate() {
            let content = carries_text(&part);
            if i > 0 && !pacing.gap.is_zero() {
                tokio::select! {
                    () = tokio::time::sleep(pacing.gap) => {}
                    () = tx.closed() => {
                        state.inference.log.stream_cancelled();
                        return;
                    }
                }
            }
            if tx.send(Ok(part)).await.is_err() {
                state.inference.log.stream_cancelled();
                return;
            }
            if content {
                state.inference.log.content_written();
            }
        }
        if pacing.abort {
            let cut = std::io::Error::new(std::io::ErrorKind::ConnectionAborted, "simulated connection cut");
            let _ = tx.send(Err(cut)).await;
        }
    });
    Body::from_stream(futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx)))
}

/// Whether a `data:` part carries answer text (not the role, filter, finish or usage chunks).
fn carries_text(part: &[u8]) -> bool {
    const MARK: &[u8] = b"\"delta\":{\"content\":\"";
    part.windows(MARK.len())
        .position(|w| w == MARK)
        .is_some_and(|at| part.get(at + MARK.len()) != Some(&b'"'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inference::answer::{Choice, Completion};

    fn completion(texts: &[&[&str]]) -> Completion {
        Completion {
            choices: texts
                .iter()
                .enumerate()
                .map(|(index, pieces)| Choice {
                    index,
                    pieces: pieces.iter().map(|p| p.to_string()).collect(),
                    finish: "stop",
                    reasoning_tokens: 0,
                })
                .collect(),
            prompt_tokens: 10,
            cached_tokens: 0,
        }
    }

    fn parsed(events: &[String]) -> Vec<Value> {
        events
            .iter()
            .filter(|e| !e.contains("[DONE]"))
            .map(|e| serde_json::from_str(e.trim_start_matches("data: ").trim()).unwrap())
            .collect()
    }

    fn meta() -> Meta {
        Meta::new("gpt-4.1-mini", "2025-04-14")
    }

    #[test]
    fn the_plain_sequence_matches_the_capture() {
        let events = events(&meta(), &completion(&[&["Why", " did", "!"]]), false, &Shape::Plain);
        assert_eq!(events.len(), 7);
        assert_eq!(events.last().unwrap(), "data: [DONE]\n\n");
        let chunks = parsed(&events);
        assert_eq!(chunks[0]["choices"], json!([]));
        assert_eq!(chunks[0]["id"], "");
        assert!(chunks[0].get("obfuscation").is_none());
        assert_eq!(
            chunks[1]["choices"][0]["delta"],
            json!({"content": "", "refusal": null, "role": "assistant"})
        );
        assert_eq!(chunks[2]["choices"][0]["delta"]["content"], "Why");
        assert_eq!(chunks[2]["choices"][0]["content_filter_results"]["hate"]["severity"], "safe");
        assert_eq!(chunks[5]["choices"][0]["finish_reason"], "stop");
        assert_eq!(chunks[5]["choices"][0]["delta"], json!({}));
        assert!(chunks.iter().all(|c| c.get("usage").is_none()));
    }

    #[test]
    fn choices_interleave_and_usage_comes_last() {
        let events = events(&meta(), &completion(&[&["a", "b"], &["c"]]), true, &Shape::Plain);
        let chunks = parsed(&events);
        let order: Vec<(u64, String)> = chunks[3..]
            .iter()
            .filter(|c| !c["choices"].as_array().unwrap().is_empty())
            .map(|c| {
                let choice = &c["choices"][0];
                let what = choice["delta"]["content"].as_str().map_or_else(
                    || choice["finish_reason"].as_str().unwrap_or("?").to_string(),
                    str::to_string,
                );
                (choice["index"].as_u64().unwrap(), what)
            })
            .collect();
        let expected = [(0, "a"), (1, "c"), (0, "b"), (1, "stop"), (0, "stop")];
        assert_eq!(order, expected.map(|(i, w)| (i, w.to_string())));
        let usage = chunks.last().unwrap();
        assert_eq!(usage["choices"], json!([]));
        assert_eq!(usage["usage"]["completion_tokens"], 3);
        assert!(chunks[..chunks.len() - 1].iter().all(|c| c["usage"].is_null()));
    }

    #[test]
    fn faults_bend_the_sequence() {
        let c = completion(&[&["a", "b", "c", "d"]]);
        let cut = events(&meta(), &c, false, &Shape::Cut(2));
        assert_eq!(cut.len(), 4, "first, role, two content chunks");
        assert!(!cut.iter().any(|e| e.contains("finish_reason\":\"stop") || e.contains("[DONE]")));

        let malformed = events(&meta(), &c, false, &Shape::Malformed(1));
        assert_eq!(malformed.iter().filter(|e| serde_json::from_str::<Value>(&e[6..]).is_err()).count(), 2);

        let filtered = events(&meta(), &c, true, &Shape::Filtered { after: 1, category: "hate".into() });
        let chunks = parsed(&filtered);
        let finish = &chunks[chunks.len() - 2]["choices"][0];
        assert_eq!(finish["finish_reason"], "content_filter");
        assert_eq!(finish["content_filter_results"]["hate"], json!({"filtered": true, "severity": "medium"}));
        assert_eq!(chunks.last().unwrap()["usage"]["completion_tokens"], 1);

        let asynchronous = parsed(&events(&meta(), &c, false, &Shape::AsyncFilter));
        let annotation = asynchronous.last().unwrap();
        assert!(annotation["choices"][0].get("delta").is_none());
        assert_eq!(annotation["choices"][0]["content_filter_offsets"]["end_offset"], 4);
        assert!(asynchronous[2]["choices"][0].get("content_filter_results").is_none());
    }
}
