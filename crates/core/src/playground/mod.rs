//! The playground: which parameters a deployment's model takes (`rules`), the request a conversation
//! turns into (`request`), one streamed answer with the numbers behind it (`answer`, `run`), errors in
//! plain words (`problems`), per-deployment presets (`presets`) and the "View code" snippets (`code`).
//! The shell's commands are a line or two over these; `Connections` resolves a target to a client.

mod answer;
mod code;
mod presets;
mod problems;
mod request;
mod rules;
mod run;

use serde::{Deserialize, Serialize};

use crate::conversations::{ConversationMessage, ConversationTarget, PlaygroundParameters};

pub use answer::AnswerRecorder;
pub use code::{snippets, CodeSnippet, SnippetAuth};
pub use presets::{Preset, PresetError, PresetStore};
pub use problems::{explain, local_problem, ChatProblem, ProblemContext, ProblemKind};
pub use request::{chat_params, window};
pub use rules::{HiddenParameter, ParameterRules};
pub use run::{stream_answer, Runs};

/// A deployment the playground can talk to, as the target picker lists it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlaygroundTarget {
    pub target: ConversationTarget,
    pub profile_name: String,
    /// The Sandbox: answers come from the simulator.
    pub simulated: bool,
    /// What the model takes, from its real name when known.
    pub rules: ParameterRules,
}

/// The deployments one profile offers, or why it could not list them.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileTargets {
    pub profile_id: String,
    pub profile_name: String,
    pub targets: Vec<PlaygroundTarget>,
    /// Why the list is empty or partial (signed out, no rights): shown in the picker.
    pub problem: Option<String>,
}

/// One question to send: the conversation so far, ending with the user message to answer.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SendRequest {
    /// Names the run, so `stop` can find it.
    pub run_id: String,
    pub target: ConversationTarget,
    pub parameters: PlaygroundParameters,
    pub messages: Vec<ConversationMessage>,
}

/// What arrives while an answer streams.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum PlaygroundEvent {
    /// Azure accepted the request: who answers, the headroom left, what was changed to fit the model.
    Opened {
        request_id: Option<String>,
        remaining_requests: Option<u32>,
        remaining_tokens: Option<u32>,
        adjustments: Vec<String>,
    },
    /// More text.
    Delta { text: String },
    /// A content-filter verdict worth showing ("answer: violence medium").
    Filter { notes: Vec<String> },
}

/// How a send ended.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SendOutcome {
    /// The answer: whole, or what arrived before a stop, a cut or the filter (marked incomplete).
    /// `None` when nothing was answered (a 429, a refused prompt, an unknown deployment…).
    pub message: Option<ConversationMessage>,
    pub problem: Option<ChatProblem>,
    /// The person pressed Stop.
    pub stopped: bool,
}

/// A simulated problem the Sandbox can produce on the next answer, so anyone can see how the app
/// handles it without a subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum SimulatedProblem {
    /// 429: the deployment's rate limit.
    RateLimit,
    /// 400: the content filter refuses the prompt.
    PromptFiltered,
    /// The content filter stops the answer partway.
    AnswerFiltered,
    /// The connection breaks partway through the answer.
    CutStream,
    /// The answer arrives slowly (time to press Stop).
    SlowAnswer,
}

/// The outcome of a request that failed before it was sent.
pub fn failed_outcome(error: &foundry_azure::AzureError, context: &ProblemContext) -> SendOutcome {
    SendOutcome { message: None, problem: Some(explain(error, context)), stopped: false }
}

/// A message id: `m-` and random letters.
pub fn new_message_id() -> String {
    let letters: String = (0..12).map(|_| fastrand::alphanumeric()).collect();
    format!("m-{letters}")
}

#[cfg(test)]
mod tests;
