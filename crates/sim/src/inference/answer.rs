//! What the simulated model says: a deterministic Markdown reply (heading, paragraphs, a list, a Rust code
//! block, inline code) derived from the last user message, the seed and the choice index; its tokens
//! (about four characters each, split like the captured streams: a word, a leading space plus a word, or
//! punctuation); and the non-streamed `chat.completion` body.

use serde_json::{json, Value};

use super::filters;
use super::request::{is_reasoning_model, ChatRequest, Message};

/// One choice's answer, as the tokens a stream would send.
#[derive(Clone, Debug)]
pub struct Choice {
    /// Its index.
    pub index: usize,
    /// Its visible tokens; joined they are the message content.
    pub pieces: Vec<String>,
    /// stop or length.
    pub finish: &'static str,
    /// Hidden reasoning tokens spent before answering (reasoning models).
    pub reasoning_tokens: u64,
}

impl Choice {
    /// The message content.
    pub fn text(&self) -> String {
        self.pieces.concat()
    }

    /// Makes the answer exactly `tokens` long, repeating its text as often as needed.
    pub fn lengthen(&mut self, tokens: usize) {
        if self.pieces.is_empty() {
            return;
        }
        let base = self.pieces.clone();
        let mut next = base.iter().cycle().skip(self.pieces.len() % base.len());
        while self.pieces.len() < tokens {
            if let Some(piece) = next.next() {
                self.pieces.push(piece.clone());
            }
        }
        self.pieces.truncate(tokens);
        self.finish = "stop";
    }
}

/// A whole answer and what it costs.
#[derive(Clone, Debug)]
pub struct Completion {
    /// The choices.
    pub choices: Vec<Choice>,
    /// Tokens of the prompt.
    pub prompt_tokens: u64,
    /// Of those, served from the prompt cache.
    pub cached_tokens: u64,
}

impl Completion {
    /// Tokens all choices produce, reasoning included.
    pub fn completion_tokens(&self) -> u64 {
        self.choices.iter().map(|c| c.pieces.len() as u64 + c.reasoning_tokens).sum()
    }

    /// `usage`, counting `sent[i]` visible tokens of choice i (fewer than all when a filter cut it short).
    pub fn usage(&self, sent: &[usize]) -> Value {
        let reasoning: u64 = self.choices.iter().map(|c| c.reasoning_tokens).sum();
        let completion = reasoning + sent.iter().map(|n| *n as u64).sum::<u64>();
        json!({
            "completion_tokens": completion,
            "completion_tokens_details": {"accepted_prediction_tokens": 0, "audio_tokens": 0,
                                          "reasoning_tokens": reasoning, "rejected_prediction_tokens": 0},
            "prompt_tokens": self.prompt_tokens,
            "prompt_tokens_details": {"audio_tokens": 0, "cached_tokens": self.cached_tokens},
            "total_tokens": self.prompt_tokens + completion,
        })
    }
}

/// The identity every chunk or body of one answer shares.
#[derive(Clone, Debug)]
pub struct Meta {
    /// `chatcmpl-…`.
    pub id: String,
    /// Unix seconds.
    pub created: u64,
    /// The model as Azure names it in answers (`gpt-4o-mini-2024-07-18`).
    pub model: String,
    /// `fp_…`.
    pub system_fingerprint: String,
}

impl Meta {
    /// A fresh identity for an answer of model `name` version `version`.
    pub fn new(name: &str, version: &str) -> Self {
        let model = served_model(name, version);
        let created =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let system_fingerprint = format!("fp_{:010x}", hash(&model) & 0xff_ffff_ffff);
        Self { id: format!("chatcmpl-{}", crate::ids::random_alnum(29)), created, model, system_fingerprint }
    }
}

/// The model name answers carry: name plus version when the version is a date (`gpt-4o-2024-11-20`),
/// otherwise the name alone (`gpt-35-turbo`, as the 2024 capture shows).
pub fn served_model(name: &str, version: &str) -> String {
    let dated = version.len() == 10
        && version.char_indices().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    if dated {
        format!("{name}-{version}")
    } else {
        name.to_string()
    }
}

/// Tokens of a text by the four-characters rule.
pub fn estimate_tokens(text: &str) -> u64 {
    (text.chars().count() as u64).div_ceil(4)
}

/// Tokens of a prompt: each message's text plus 3 for its framing.
pub fn prompt_tokens(messages: &[Message]) -> u64 {
    messages.iter().map(|m| estimate_tokens(&m.text) + 3).sum()
}

/// The prompt as one text, for prefix caching.
pub fn prompt_text(messages: &[Message]) -> String {
    messages.iter().map(|m| format!("<|{}|>{}\n", m.role, m.text)).collect()
}

/// The answer of a model named `model` to `request`, one entry per choice.
pub fn compose(request: &ChatRequest, model: &str) -> Vec<Choice> {
    let question = request
        .messages
        .iter()
        .rev()
        .find(|m| m.role == "user")
        .or(request.messages.last())
        .map_or("", |m| m.text.as_str());
    let reasoning = is_reasoning_model(model);
    (0..request.n)
        .map(|index| {
            let mut text = reply(question, request.seed, index);
            let mut finish = "stop";
            if let Some(cut) = request.stop.iter().filter_map(|s| text.find(s.as_str())).min() {
                text.truncate(cut);
            }
            let mut pieces = pieces(&text);
            let mut reasoning_tokens = if reasoning {
                reasoning_tokens(question, request.seed, request.reasoning_effort.as_deref(), index)
            } else {
                0
            };
            if let Some(max) = request.max_tokens {
                // Reasoning comes first and counts against the same budget, as on Azure.
                reasoning_tokens = reasoning_tokens.min(max);
                let visible = usize::try_from(max - reasoning_tokens).unwrap_or(usize::MAX);
                if pieces.len() > visible {
                    pieces.truncate(visible);
                    finish = "length";
                }
            }
            Choice { index, pieces, finish, reasoning_tokens }
        })
        .collect()
}

/// Hidden reasoning tokens: 64–256 at medium effort, scaled by the effort asked for.
fn reasoning_tokens(question: &str, seed: Option<i64>, effort: Option<&str>, index: usize) -> u64 {
    let base = 64 + hash(&format!("reasoning\0{question}\0{seed:?}\0{index}")) % 193;
    match effort {
        Some("minimal") => base / 4,
        Some("low") => base / 2,
        Some("high") => base * 2,
        _ => base,
    }
}

/// FNV-1a: a stable hash, so answers are the same on every run and platform.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

const PARAGRAPHS: [&str; 4] = [
    "A good way to approach this is to start small, check each step, and keep the feedback loop short. \
     Measure before you change anything, and write down what you expect to see.",
    "Most of the work is in the details: naming things clearly, handling the error paths, and making the \
     common case fast. The rest follows from a few well-chosen defaults.",
    "There is rarely a single right answer here. The trade-off is usually between simplicity now and \
     flexibility later, and it pays to pick the simple option until a real need appears.",
    "Think of it as a pipeline: inputs arrive, get validated, are transformed, and leave as results. Each \
     stage should do one thing and report clearly when it cannot.",
];

const LISTS: [[(&str, &str); 3]; 4] = [
    [
        ("Start small", "try the idea on one `example` first"),
        ("Measure", "use `cargo bench` or a stopwatch, not a guess"),
        ("Iterate", "change one thing at a time"),
    ],
    [
        ("Read the docs", "the `README` usually answers the first question"),
        ("Check the errors", "an `Err` value says more than a log line"),
        ("Ask early", "a short question saves a long detour"),
    ],
    [
        ("Keep it simple", "prefer a plain `fn` over a clever macro"),
        ("Test the edges", "empty input, `None`, and the largest value"),
        ("Write it down", "a comment says *why*, the code says how"),
    ],
    [
        ("Plan", "sketch the data flow before writing any `struct`"),
        ("Build", "commit small, working steps"),
        ("Review", "read the diff as if someone else wrote it"),
    ],
];

const NAMES: [&str; 4] = ["steps", "items", "plan", "tasks"];

/// The reply to `question`: the same question, seed and index always give the same Markdown.
pub fn reply(question: &str, seed: Option<i64>, index: usize) -> String {
    let words: Vec<&str> = question.split_whitespace().collect();
    let h = hash(&format!("{}\0{seed:?}", words.join(" "))) as usize;
    let pick = |salt: usize, len: usize| (h.rotate_left(salt as u32 * 11).wrapping_add(index)) % len;
    let topic = if words.is_empty() {
        "Your question".to_string()
    } else {
        let mut topic: String = words.iter().take(6).copied().collect::<Vec<_>>().join(" ");
        topic = topic.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string();
        let mut chars = topic.chars();
        chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
    };
    let mut echo: String = words.join(" ").chars().filter(|c| !"*`_#".contains(*c)).take(80).collect();
    if echo.is_empty() {
        echo = "nothing in particular".into();
    }
    let mut code_words: Vec<String> = words
        .iter()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase())
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    for filler in ["plan", "build", "ship"] {
        if code_words.len() < 3 {
            code_words.push(filler.into());
        }
    }
    let name = NAMES[pick(3, NAMES.len())];
    let mut text = format!("## {topic}\n\n");
    text.push_str(&format!(
        "You asked: *{echo}*. This answer comes from the Foundry Desk simulator, so the same question always \
         gets the same reply.\n\n"
    ));
    text.push_str(PARAGRAPHS[pick(1, PARAGRAPHS.len())]);
    text.push_str("\n\n");
    for (title, detail) in LISTS[pick(2, LISTS.len())] {
        text.push_str(&format!("- **{title}**: {detail}\n"));
    }
    text.push_str("\n```rust\nfn main() {\n");
    text.push_str(&format!(
        "    let {name} = [\"{}\", \"{}\", \"{}\"];\n",
        code_words[0], code_words[1], code_words[2]
    ));
    text.push_str(&format!("    for (step, item) in {name}.iter().enumerate() {{\n"));
    text.push_str("        println!(\"step {}: {item}\", step + 1);\n    }\n}\n```\n\n");
    let seed = seed.map_or_else(|| "none".to_string(), |s| s.to_string());
    text.push_str(&format!("Run it with `cargo run`; this is answer {} for seed `{seed}`.", index + 1));
    text
}

/// Splits text into stream tokens: a run of newlines; or optional spaces then a word (at most 8
/// characters) or up to three of the same punctuation mark. Joined, the pieces are the text.
pub fn pieces(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        if chars[i] == '\n' {
            while i < chars.len() && chars[i] == '\n' {
                i += 1;
            }
        } else {
            while i < chars.len() && (chars[i] == ' ' || chars[i] == '\t') {
                i += 1;
            }
            if i < chars.len() && chars[i] != '\n' {
                let first = i;
                if word(chars[i]) {
                    while i < chars.len() && word(chars[i]) && i - first < 8 {
                        i += 1;
                    }
                } else {
                    while i < chars.len() && chars[i] == chars[first] && i - first < 3 {
                        i += 1;
                    }
                }
            }
        }
        out.push(chars[start..i].iter().collect());
    }
    out
}

/// The non-streamed `chat.completion` body. With `filtered = Some((category, after))` every choice is cut by
/// the completion filter after `after` tokens: `finish_reason: "content_filter"` and no `message`.
pub fn body(meta: &Meta, completion: &Completion, filtered: Option<(&str, usize)>) -> Value {
    let mut sent = Vec::new();
    let choices: Vec<Value> = completion
        .choices
        .iter()
        .map(|c| match filtered {
            Some((category, after)) => {
                sent.push(after.min(c.pieces.len()));
                json!({"content_filter_results": filters::completion(Some(category)),
                       "finish_reason": "content_filter", "index": c.index, "logprobs": null})
            }
            None => {
                sent.push(c.pieces.len());
                json!({"content_filter_results": filters::completion(None), "finish_reason": c.finish,
                       "index": c.index, "logprobs": null,
                       "message": {"annotations": [], "content": c.text(), "refusal": null, "role": "assistant"}})
            }
        })
        .collect();
    json!({
        "choices": choices,
        "created": meta.created,
        "id": meta.id,
        "model": meta.model,
        "object": "chat.completion",
        "prompt_filter_results": filters::prompt_filter_results(),
        "system_fingerprint": meta.system_fingerprint,
        "usage": completion.usage(&sent),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(text: &str, seed: Option<i64>) -> ChatRequest {
        ChatRequest {
            messages: vec![Message { role: "user".into(), text: text.into() }],
            stream: false,
            include_usage: false,
            max_tokens: None,
            stop: Vec::new(),
            n: 1,
            seed,
            reasoning_effort: None,
        }
    }

    #[test]
    fn replies_are_deterministic_markdown() {
        let a = reply("How do I read a file in Rust?", Some(7), 0);
        assert_eq!(a, reply("How do I read a file in Rust?", Some(7), 0));
        assert_ne!(a, reply("How do I read a file in Rust?", Some(8), 0));
        assert_ne!(a, reply("How do I read a file in Rust?", Some(7), 1));
        assert!(a.starts_with("## How do I read a file"));
        assert!(a.contains("\n- **") && a.contains("```rust\n") && a.contains("`cargo run`"));
    }

    #[test]
    fn pieces_rejoin_and_look_like_tokens() {
        let text = reply("Why did the developer bring a map?", None, 0);
        let pieces = pieces(&text);
        assert_eq!(pieces.concat(), text);
        assert!(pieces.iter().all(|p| !p.is_empty() && p.chars().count() <= 16));
        let average = text.chars().count() as f64 / pieces.len() as f64;
        assert!((2.5..6.0).contains(&average), "{average}");
        assert_eq!(super::pieces("Why did  it!\n\nok"), ["Why", " did", "  it", "!", "\n\n", "ok"]);
    }

    #[test]
    fn max_tokens_and_stop_cut_the_answer() {
        let mut r = request("hello there", None);
        r.max_tokens = Some(5);
        let c = &compose(&r, "gpt-4o")[0];
        assert_eq!((c.pieces.len(), c.finish), (5, "length"));
        let mut r = request("hello there", None);
        r.stop = vec!["simulator".into()];
        let c = &compose(&r, "gpt-4o")[0];
        assert_eq!(c.finish, "stop");
        assert!(c.text().ends_with("Foundry Desk "), "{}", c.text());
    }

    #[test]
    fn reasoning_spends_hidden_tokens_by_effort() {
        let mut r = request("plan a trip", Some(1));
        let medium = compose(&r, "o4-mini")[0].reasoning_tokens;
        assert!((64..=256).contains(&medium));
        r.reasoning_effort = Some("high".into());
        assert_eq!(compose(&r, "o4-mini")[0].reasoning_tokens, medium * 2);
        assert_eq!(compose(&r, "gpt-4o")[0].reasoning_tokens, 0);
        r.max_tokens = Some(10);
        let starved = &compose(&r, "o4-mini")[0];
        assert_eq!((starved.reasoning_tokens, starved.pieces.len(), starved.finish), (10, 0, "length"));
    }

    #[test]
    fn served_model_names_carry_dated_versions() {
        assert_eq!(served_model("gpt-4o-mini", "2024-07-18"), "gpt-4o-mini-2024-07-18");
        assert_eq!(served_model("gpt-35-turbo", "0125"), "gpt-35-turbo");
        assert!(Meta::new("gpt-4o", "2024-11-20").id.starts_with("chatcmpl-"));
    }
}
