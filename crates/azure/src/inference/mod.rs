//! Inference: chat completions against a deployment, streamed or not, in the three URL forms, with
//! every stream shape, error and header Azure really sends (AZURE.md §2).

pub mod answer;
pub mod chat_stream;
pub mod client;
pub mod endpoint;
pub mod errors;
pub mod model_rules;
pub mod rate_limits;
pub mod request;
pub mod stream;
pub mod verdicts;

pub use answer::{AnswerChoice, AnswerMeta, ChatAnswer};
pub use chat_stream::ChatStream;
pub use client::{ApiKey, ChatTarget, InferenceAuth, InferenceClient, InferenceOptions, ModelId};
pub use endpoint::{ApiStyle, InferenceEndpoint};
pub use model_rules::ModelRules;
pub use rate_limits::RateLimits;
pub use request::{Adjustment, ChatParams, Message, ReasoningEffort, Role};
pub use stream::{ChatEvent, FinishReason, StreamAssembler, Usage};
pub use verdicts::{ContentFilterBlock, FilterSource, FilterVerdicts};
