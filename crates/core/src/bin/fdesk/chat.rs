//! `fdesk chat`: one prompt to a deployment, the answer streamed to stdout as it arrives, the numbers
//! behind it on stderr. `--output json` prints every event as one JSON line instead.

use std::io::Write;
use std::time::Instant;

use clap::{Args, ValueEnum};
use foundry_azure::error::InferenceDetails;
use foundry_azure::inference::{
    ApiKey, ApiStyle, ChatEvent, ChatParams, ChatTarget, ContentFilterBlock, FilterSource, FinishReason,
    InferenceAuth, InferenceClient, InferenceEndpoint, Message, ModelId, RateLimits, ReasoningEffort, Role,
    Usage,
};
use foundry_azure::{AzureError, ErrorKind};

use crate::network::SavedNetwork;
use crate::output::{Failure, OutputFormat};

/// Effort levels as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EffortArg {
    Minimal,
    Low,
    Medium,
    High,
}

#[derive(Debug, Args)]
pub struct ChatArgs {
    /// The resource's endpoint (any of its host names; a pasted `/openai/v1` is fine).
    #[arg(long)]
    endpoint: String,
    /// The deployment to ask.
    #[arg(long)]
    deployment: String,
    /// Use the classic URL form with this api-version (2024-10-21 is the newest GA one).
    #[arg(long, conflicts_with = "v1")]
    api_version: Option<String>,
    /// Use the v1 URL form (the default).
    #[arg(long)]
    v1: bool,
    /// The deployment's real model (`o3-mini` or `o3-mini@2025-01-31`): decides which parameters are sent.
    #[arg(long)]
    model: Option<String>,
    /// A system message.
    #[arg(long)]
    system: Option<String>,
    /// Longest answer in tokens (sent as max_completion_tokens to reasoning models).
    #[arg(long)]
    max_tokens: Option<u32>,
    #[arg(long)]
    temperature: Option<f64>,
    #[arg(long, value_enum)]
    reasoning_effort: Option<EffortArg>,
    /// What to ask.
    prompt: String,
}

/// Sends the prompt and prints the answer as it streams (`--output json`: one event per line).
pub async fn run(args: ChatArgs, output: OutputFormat, profile: Option<&str>) -> Result<(), Failure> {
    let json = output == OutputFormat::Json;
    let network = SavedNetwork::read()?;
    let auth = auth(&args.endpoint, profile, &network)?;
    let endpoint = InferenceEndpoint::parse(&args.endpoint).map_err(|e| Failure::Usage(e.message))?;
    let style = match &args.api_version {
        Some(version) => ApiStyle::Classic { api_version: version.clone() },
        None => ApiStyle::V1 { api_version: None },
    };
    let model = args.model.as_deref().map(|m| match m.split_once('@') {
        Some((name, version)) => ModelId { name: name.into(), version: Some(version.into()) },
        None => ModelId { name: m.into(), version: None },
    });
    let target = ChatTarget { endpoint, style, deployment: args.deployment.clone(), model };
    let mut messages = Vec::new();
    if let Some(system) = &args.system {
        messages.push(Message::new(Role::System, system.clone()));
    }
    messages.push(Message::new(Role::User, args.prompt.clone()));
    let params = ChatParams {
        messages,
        max_tokens: args.max_tokens,
        temperature: args.temperature,
        reasoning_effort: args.reasoning_effort.map(|e| match e {
            EffortArg::Minimal => ReasoningEffort::Minimal,
            EffortArg::Low => ReasoningEffort::Low,
            EffortArg::Medium => ReasoningEffort::Medium,
            EffortArg::High => ReasoningEffort::High,
        }),
        ..ChatParams::default()
    };
    let mut client = InferenceClient::new(network.options.inference_client()?, auth);
    client.options = network.options.inference_options();
    let started = Instant::now();
    let mut stream = match client.chat_stream(&target, &params).await {
        Ok(stream) => stream,
        Err(error) => {
            if json {
                print_event(&ChatEvent::Error { error: error.clone(), partial: Vec::new() });
            }
            return Err(Failure::Chat(error));
        }
    };
    let mut metrics = Metrics::default();
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    loop {
        let event = tokio::select! {
            event = stream.next() => event,
            _ = &mut ctrl_c => {
                // Dropping the stream closes the connection: Azure stops generating.
                drop(stream);
                if !json {
                    println!();
                }
                return Err(Failure::Chat(AzureError::local(
                    ErrorKind::Cancelled,
                    "stopped; the answer so far is above",
                )));
            }
        };
        let Some(event) = event else { break };
        if json {
            print_event(&event);
        }
        match event {
            ChatEvent::Opened { request_id, rate_limits, adjustments } => {
                metrics.request_id = request_id;
                metrics.rate_limits = rate_limits;
                for adjustment in adjustments {
                    eprintln!("note: {}: {}", adjustment.parameter, adjustment.note);
                }
            }
            ChatEvent::Delta { choice: 0, text } => {
                metrics.first_token.get_or_insert_with(|| started.elapsed());
                if !json {
                    let mut stdout = std::io::stdout().lock();
                    let _ = stdout.write_all(text.as_bytes());
                    let _ = stdout.flush();
                }
            }
            ChatEvent::Filter { verdicts, .. } if !json => {
                let flagged: Vec<String> = verdicts
                    .flagged()
                    .map(|c| format!("{} {}", c.category, c.severity.as_deref().unwrap_or("detected")))
                    .collect();
                if !flagged.is_empty() {
                    eprintln!("\n[content filter: {}]", flagged.join(", "));
                }
            }
            ChatEvent::Done { choice: 0, finish_reason, verdicts } => {
                if finish_reason == FinishReason::ContentFilter {
                    metrics.filtered =
                        Some(ContentFilterBlock { source: FilterSource::Completion, verdicts });
                }
                metrics.finish = Some(finish_reason);
            }
            ChatEvent::Usage { usage } => metrics.usage = Some(usage),
            ChatEvent::Model { model } => metrics.model = Some(model),
            ChatEvent::Error { error, .. } => {
                if !json {
                    println!();
                }
                return Err(Failure::Chat(error));
            }
            _ => {}
        }
    }
    if !json {
        println!();
        eprintln!("{}", metrics.summary(started.elapsed()));
    }
    if let Some(block) = metrics.filtered.take() {
        let mut error = AzureError::local(
            ErrorKind::ContentFilter,
            "the content filter stopped the answer; what arrived before it is above",
        );
        error.inference = Some(Box::new(InferenceDetails { content_filter: Some(block), rate_limits: None }));
        return Err(Failure::Chat(error));
    }
    Ok(())
}

/// One event as a JSON line.
fn print_event(event: &ChatEvent) {
    crate::output::out(&serde_json::to_string(event).unwrap_or_default());
}

/// `FDESK_API_KEY`, else the key saved for the endpoint (`fdesk key set`).
/// How to authenticate: a signed-in Azure account profile's Entra token, else the endpoint's key.
fn auth(endpoint: &str, profile: Option<&str>, network: &SavedNetwork) -> Result<InferenceAuth, Failure> {
    if let Some(name) = profile {
        if crate::login::is_account_profile(name)? {
            let (_, tokens) = crate::login::profile_tokens(name, network)?;
            return Ok(InferenceAuth::Token(tokens));
        }
    }
    Ok(InferenceAuth::ApiKey(ApiKey::new(api_key(endpoint)?)))
}

fn api_key(endpoint: &str) -> Result<String, Failure> {
    if let Some(key) = std::env::var("FDESK_API_KEY").ok().filter(|k| !k.trim().is_empty()) {
        return Ok(key);
    }
    let store = foundry_desk_core::secrets::KeychainStore::open(foundry_desk_core::APP_ID);
    match foundry_desk_core::endpoint_keys::load(&store, endpoint) {
        Ok(Some(key)) => Ok(key.expose().to_string()),
        Ok(None) | Err(_) => Err(Failure::Usage(format!(
            "no API key for {endpoint}: save it with `fdesk key set --endpoint {endpoint}` (read from stdin), \
             or set FDESK_API_KEY"
        ))),
    }
}

/// The numbers behind one answer.
#[derive(Default)]
struct Metrics {
    first_token: Option<std::time::Duration>,
    finish: Option<FinishReason>,
    usage: Option<Usage>,
    model: Option<String>,
    request_id: Option<String>,
    rate_limits: RateLimits,
    /// Set when the filter cut the answer: which categories fired.
    filtered: Option<ContentFilterBlock>,
}

impl Metrics {
    fn summary(&self, total: std::time::Duration) -> String {
        let mut parts = Vec::new();
        if let Some(model) = &self.model {
            parts.push(model.clone());
        }
        if let Some(finish) = &self.finish {
            parts.push(format!(
                "finish {}",
                serde_json::to_value(finish)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_else(|| format!("{finish:?}"))
            ));
        }
        if let Some(ttft) = self.first_token {
            parts.push(format!("first token {} ms", ttft.as_millis()));
        }
        parts.push(format!("total {:.2} s", total.as_secs_f64()));
        if let Some(usage) = &self.usage {
            let generating = total.saturating_sub(self.first_token.unwrap_or_default()).as_secs_f64();
            if generating > 0.0 && usage.completion_tokens > 0 {
                parts.push(format!("{:.0} tokens/s", usage.completion_tokens as f64 / generating));
            }
            let mut tokens =
                format!("tokens: prompt {}, completion {}", usage.prompt_tokens, usage.completion_tokens);
            if let Some(reasoning) = usage.reasoning_tokens {
                tokens.push_str(&format!(" (reasoning {reasoning})"));
            }
            if let Some(cached) = usage.cached_tokens.filter(|c| *c > 0) {
                tokens.push_str(&format!(", cached {cached}"));
            }
            parts.push(tokens);
        }
        let limits = &self.rate_limits;
        if limits.remaining_requests.is_some() || limits.remaining_tokens.is_some() {
            parts.push(format!(
                "remaining {} requests, {} tokens",
                crate::output::or_dash(limits.remaining_requests),
                crate::output::or_dash(limits.remaining_tokens)
            ));
        }
        if let Some(id) = &self.request_id {
            parts.push(format!("request id {id}"));
        }
        format!("— {}", parts.join(" · "))
    }
}

/// The line that tells a person what to do about a failed chat.
pub fn hint(error: &AzureError) -> Option<String> {
    let text = match error.kind {
        ErrorKind::Auth => "check FDESK_API_KEY: it must be one of this resource's keys, and key access must be enabled".into(),
        ErrorKind::NotFound => "no such deployment here: check --deployment (names are case-sensitive); a new deployment can take a few minutes to answer".into(),
        ErrorKind::Paused => "the deployment is paused: resume it, then ask again".into(),
        ErrorKind::Retired => "the model version was retired: update the deployment to a newer version".into(),
        ErrorKind::Quota => "the subscription has no quota for this model in this region: request quota or use another region".into(),
        ErrorKind::Throttled => "the deployment's rate limit was reached: wait, or raise its capacity".into(),
        ErrorKind::ContentFilter => match error.content_filter() {
            Some(block) => match block.source {
                FilterSource::Prompt => format!(
                    "the content filter blocked the prompt ({}); the prompt is billed, so it was not re-sent",
                    block.verdicts.blocked().join(", ")
                ),
                FilterSource::Completion => format!(
                    "the content filter stopped the answer ({}); rephrase the prompt to try again",
                    block.verdicts.blocked().join(", ")
                ),
            },
            None => return None,
        },
        ErrorKind::StreamCut => "the answer was cut off; it was not re-sent because it may have been billed".into(),
        _ => return None,
    };
    Some(text)
}
