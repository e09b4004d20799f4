//! A failed answer in plain words: what happened, what to do, and Azure's own code, message and
//! request id verbatim underneath, so nothing is hidden from people who want the details.

use foundry_azure::arm::client::roles;
use foundry_azure::inference::{FilterSource, FilterVerdicts};
use foundry_azure::{AzureError, ErrorKind};
use serde::Serialize;

/// What kind of problem, so the UI can offer the right action (a countdown, a link, Sign in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ProblemKind {
    /// 429: wait `retryAfterSecs`, then retry by hand (nothing was billed).
    Throttled,
    /// 429 asking for a day: the subscription has no quota for this model here.
    NoQuota,
    /// 404: no such deployment at this endpoint.
    NotFound,
    /// 401: the key or sign-in was refused.
    Auth,
    /// 403: signed in, but a role is missing.
    Forbidden,
    /// The content filter refused the prompt (billed; never re-sent).
    PromptFiltered,
    /// The content filter stopped the answer; the text before it is kept.
    AnswerFiltered,
    /// The answer broke off; the text before it is kept.
    Cut,
    /// 423: the deployment is paused.
    Paused,
    /// 410: the model version was retired.
    Retired,
    /// The profile must sign in again.
    SignInRequired,
    /// No key is saved for the endpoint.
    NoKey,
    /// No answer in time, the endpoint unreachable.
    Network,
    /// Anything else; Azure's code and message say what.
    Other,
}

/// A failed (or filtered) answer, told to a person.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ChatProblem {
    pub kind: ProblemKind,
    /// What happened, in a sentence.
    pub title: String,
    /// What to do about it.
    pub action: String,
    /// Azure's code and message, verbatim.
    pub code: Option<String>,
    pub message: String,
    pub status: Option<u16>,
    pub request_id: Option<String>,
    /// The wait Azure asked for (429).
    pub retry_after_secs: Option<f64>,
    /// The content-filter categories that fired.
    pub categories: Vec<String>,
}

/// What the explanation needs to know about the request.
#[derive(Debug, Clone, Default)]
pub struct ProblemContext {
    pub deployment: String,
    pub endpoint: String,
    /// The request authenticated with a key (else an Entra token).
    pub uses_key: bool,
}

/// Explains a failed answer.
pub fn explain(error: &AzureError, context: &ProblemContext) -> ChatProblem {
    let deployment = &context.deployment;
    let retry_after_secs = error.retry_after.map(|wait| wait.as_secs_f64());
    let (kind, title, action): (ProblemKind, String, String) = match error.kind {
        ErrorKind::Throttled => (
            ProblemKind::Throttled,
            format!("'{deployment}' has reached its rate limit"),
            match retry_after_secs {
                Some(wait) => format!(
                    "Nothing was billed. Azure asks to wait {} s; retry then — or raise the deployment's \
                     capacity on the Deployments screen.",
                    wait.ceil()
                ),
                None => "Nothing was billed. Wait a moment and retry — or raise the deployment's capacity \
                         on the Deployments screen."
                    .into(),
            },
        ),
        ErrorKind::Quota => (
            ProblemKind::NoQuota,
            "This subscription has no quota for this model in this region".into(),
            "Azure asks to wait a whole day: request more quota (https://aka.ms/oai/quotaincrease) or \
             deploy the model in another region."
                .into(),
        ),
        ErrorKind::NotFound => (
            ProblemKind::NotFound,
            format!("No deployment named '{deployment}' answers at this endpoint"),
            "Created it just now? A new deployment can take a few minutes to answer. Otherwise check \
             the name (deployment names are case-sensitive) and the endpoint."
                .into(),
        ),
        ErrorKind::Auth if error.code.as_deref() == Some("AuthenticationTypeDisabled") => (
            ProblemKind::Auth,
            "This resource no longer accepts keys".into(),
            "Key access was switched off on it: only Entra sign-in works. Switch this profile to Entra \
             sign-in, or ask the resource's owner to accept keys again (its Access tab)."
                .into(),
        ),
        // A valid sign-in without a data role: Azure answers 401 here, but it is a missing role.
        ErrorKind::Auth if error.code.as_deref() == Some("PermissionDenied") => (
            ProblemKind::Forbidden,
            "You are signed in, but may not call this deployment".into(),
            format!(
                "Chatting needs the '{}' role on the resource; ask its owner to grant it on its Access tab \
                 (it can take up to 5 minutes to apply).",
                roles::OPENAI_USER
            ),
        ),
        ErrorKind::Auth if context.uses_key => (
            ProblemKind::Auth,
            "The API key was refused".into(),
            format!(
                "Use one of the two keys of the resource behind {} (Connections → key), and check that \
                 key access is enabled on it.",
                context.endpoint
            ),
        ),
        ErrorKind::Auth => (
            ProblemKind::Auth,
            "Your sign-in was refused for inference".into(),
            "Sign in again on the Connections screen; if it keeps failing, the resource may accept \
             another tenant's accounts only."
                .into(),
        ),
        ErrorKind::Forbidden => (
            ProblemKind::Forbidden,
            "You are signed in, but may not call this deployment".into(),
            format!(
                "Chatting needs the '{}' role on the resource; ask its owner to grant it (it can take \
                 up to 5 minutes to apply).",
                error.missing_role.unwrap_or(roles::OPENAI_USER)
            ),
        ),
        ErrorKind::ContentFilter => match error.content_filter() {
            Some(block) if block.source == FilterSource::Completion => {
                return completion_filtered(&block.verdicts, error.request_id.clone())
            }
            block => {
                let categories = block.map(|b| b.verdicts.blocked()).unwrap_or_default();
                return ChatProblem {
                    kind: ProblemKind::PromptFiltered,
                    title: format!("The content filter blocked the prompt{}", listed(&categories)),
                    action: "The prompt was billed, so it was not re-sent. Rephrase it, or review the \
                             deployment's content filter."
                        .into(),
                    categories,
                    ..verbatim(error)
                };
            }
        },
        ErrorKind::StreamCut => (
            ProblemKind::Cut,
            "The answer was cut off".into(),
            "What arrived is kept and marked incomplete. It was not re-sent, because it may have been \
             billed: regenerate to ask again."
                .into(),
        ),
        ErrorKind::Paused => (
            ProblemKind::Paused,
            format!("'{deployment}' is paused"),
            "Resume it on the Deployments screen (Manage → Resume), then send again.".into(),
        ),
        ErrorKind::Retired => (
            ProblemKind::Retired,
            format!("The model version behind '{deployment}' was retired"),
            "Update the deployment to a newer version on the Deployments screen (Manage → Model).".into(),
        ),
        ErrorKind::Timeout | ErrorKind::Network => (
            ProblemKind::Network,
            "The endpoint did not answer".into(),
            "Check the network (and proxy), then retry. A request that timed out may still have been \
             processed and billed."
                .into(),
        ),
        _ => {
            (ProblemKind::Other, "Azure refused the request".into(), "Azure's message below says why.".into())
        }
    };
    ChatProblem { kind, title, action, retry_after_secs, ..verbatim(error) }
}

/// The answer was stopped by the content filter.
pub fn completion_filtered(verdicts: &FilterVerdicts, request_id: Option<String>) -> ChatProblem {
    let categories = verdicts.blocked();
    ChatProblem {
        kind: ProblemKind::AnswerFiltered,
        title: format!("The content filter stopped the answer{}", listed(&categories)),
        action: "What arrived before it is kept. Rephrase the prompt to try again.".into(),
        code: Some("content_filter".into()),
        message: "finish_reason: content_filter".into(),
        status: None,
        request_id,
        retry_after_secs: None,
        categories,
    }
}

/// A problem that happened before any request: no key, signed out, an unusable target.
pub fn local_problem(kind: ProblemKind, title: impl Into<String>, action: impl Into<String>) -> ChatProblem {
    ChatProblem {
        kind,
        title: title.into(),
        action: action.into(),
        code: None,
        message: String::new(),
        status: None,
        request_id: None,
        retry_after_secs: None,
        categories: Vec::new(),
    }
}

fn verbatim(error: &AzureError) -> ChatProblem {
    ChatProblem {
        kind: ProblemKind::Other,
        title: String::new(),
        action: String::new(),
        code: error.code.clone(),
        message: error.message.clone(),
        status: error.status,
        request_id: error.request_id.clone(),
        retry_after_secs: None,
        categories: Vec::new(),
    }
}

fn listed(categories: &[String]) -> String {
    if categories.is_empty() {
        String::new()
    } else {
        format!(" ({})", categories.join(", ").replace('_', " "))
    }
}
