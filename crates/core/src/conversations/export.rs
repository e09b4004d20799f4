//! A conversation to share or keep elsewhere: Markdown to read, JSON to process.

use super::{Conversation, MessageRole};

/// The conversation as Markdown: its title, the deployment and parameters, then each message under
/// its author, an answer's numbers beneath it. Message text is kept as written (it usually is Markdown).
pub fn to_markdown(conversation: &Conversation) -> String {
    let mut out = format!("# {}\n\n", conversation.title);
    let target = &conversation.target;
    let model = match (&target.model, &target.model_version) {
        (Some(model), Some(version)) => format!(" ({model} {version})"),
        (Some(model), None) => format!(" ({model})"),
        _ => String::new(),
    };
    out.push_str(&format!("Deployment: `{}`{model}\n\n", target.deployment));
    let system = conversation.parameters.system_message.trim();
    if !system.is_empty() {
        out.push_str(&format!("## System\n\n{system}\n\n"));
    }
    for message in &conversation.messages {
        let who = match message.role {
            MessageRole::User => "User",
            MessageRole::Assistant => "Assistant",
        };
        out.push_str(&format!("## {who}\n\n{}\n\n", message.content.trim_end()));
        if message.incomplete {
            out.push_str("_(incomplete: the answer was cut off)_\n\n");
        }
        if let Some(answer) = &message.answer {
            let mut facts = Vec::new();
            if let Some(ms) = answer.time_to_first_token_ms {
                facts.push(format!("first token {ms:.0} ms"));
            }
            if let Some(ms) = answer.total_ms {
                facts.push(format!("total {ms:.0} ms"));
            }
            if let (Some(prompt), Some(completion)) = (answer.prompt_tokens, answer.completion_tokens) {
                facts.push(format!("{prompt} prompt + {completion} completion tokens"));
            }
            if let Some(reason) = &answer.finish_reason {
                facts.push(format!("finish: {reason}"));
            }
            if let Some(id) = &answer.request_id {
                facts.push(format!("request id {id}"));
            }
            if !facts.is_empty() {
                out.push_str(&format!("> {}\n\n", facts.join(" · ")));
            }
        }
    }
    out
}

/// The conversation exactly as saved, pretty-printed.
pub fn to_json(conversation: &Conversation) -> String {
    serde_json::to_string_pretty(conversation).unwrap_or_default()
}

/// What an export is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    Markdown,
    Json,
}

/// Writes the conversation into `dir` as `<title>.md` or `.json` (never over an existing file:
/// `<title> (2).md`, …); returns the file written.
pub fn write_export(
    conversation: &Conversation,
    format: ExportFormat,
    dir: &std::path::Path,
) -> std::io::Result<std::path::PathBuf> {
    let (text, extension) = match format {
        ExportFormat::Markdown => (to_markdown(conversation), "md"),
        ExportFormat::Json => (to_json(conversation), "json"),
    };
    // A title is typed by a person: keep it readable, but never a path.
    let stem: String = conversation
        .title
        .chars()
        .map(|c| if c.is_alphanumeric() || " -_.,()".contains(c) { c } else { '_' })
        .collect::<String>()
        .trim_matches(|c: char| c == '.' || c.is_whitespace())
        .chars()
        .take(80)
        .collect();
    let stem = if stem.is_empty() { "conversation".to_string() } else { stem };
    crate::files::write_new_file(dir, &stem, extension, text.as_bytes())
}
