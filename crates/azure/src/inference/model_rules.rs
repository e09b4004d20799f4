//! What a model accepts, decided in one place from its real name and version (ARM's
//! `properties.model`), never from the deployment's name, which can be anything.

/// The rules for one model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelRules {
    /// Reasoning models (o1, o3, o4-mini, the gpt-5 family) think before answering: they take
    /// `max_completion_tokens` and `reasoning_effort`, and reject sampling parameters.
    pub reasoning: bool,
    /// Accepts `reasoning_effort`.
    pub reasoning_effort: bool,
    /// Accepts the `minimal` effort (the gpt-5 family only).
    pub minimal_effort: bool,
    /// Accepts a `system` (or `developer`) message; o1-mini and o1-preview take neither.
    pub system_message: bool,
}

impl ModelRules {
    /// The rules for a model by name (`o3-mini`, `gpt-4.1`); the version matters for none of today's.
    pub fn for_model(name: &str, _version: Option<&str>) -> Self {
        let name = name.trim().to_ascii_lowercase();
        let family = |prefix: &str| {
            name == prefix
                || name.starts_with(&format!("{prefix}-"))
                || name.starts_with(&format!("{prefix}."))
        };
        // gpt-5-chat is the gpt-5 family's non-reasoning chat model.
        let gpt5 = family("gpt-5") && !name.starts_with("gpt-5-chat");
        let o_series = ["o1", "o3", "o4"].iter().any(|p| family(p));
        let early_o1 = name.starts_with("o1-mini") || name.starts_with("o1-preview");
        let reasoning = gpt5 || o_series;
        Self {
            reasoning,
            reasoning_effort: reasoning && !early_o1,
            minimal_effort: gpt5,
            system_message: !early_o1,
        }
    }

    /// The rules when the real model is not known (a typed deployment name): a chat model, and the
    /// reasoning effort sent as asked, since only Azure can tell whether it applies.
    pub fn unknown() -> Self {
        Self { reasoning: false, reasoning_effort: true, minimal_effort: true, system_message: true }
    }

    /// Whether the request parameter `name` is one the model accepts.
    pub fn accepts(&self, parameter: &str) -> bool {
        match parameter {
            "temperature" | "top_p" | "presence_penalty" | "frequency_penalty" | "logprobs"
            | "top_logprobs" | "max_tokens" | "logit_bias" => !self.reasoning,
            "max_completion_tokens" => true,
            "reasoning_effort" => self.reasoning_effort,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasoning_models_by_real_name() {
        for name in
            ["o1", "o3-mini", "o3", "o4-mini", "gpt-5", "gpt-5-mini", "gpt-5-nano", "o1-mini", "GPT-5.1"]
        {
            assert!(ModelRules::for_model(name, None).reasoning, "{name}");
        }
        for name in ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-35-turbo", "gpt-5-chat", "o1x", "gpt-50"] {
            assert!(!ModelRules::for_model(name, None).reasoning, "{name}");
        }
    }

    #[test]
    fn what_each_family_takes() {
        let o1_mini = ModelRules::for_model("o1-mini", Some("2024-09-12"));
        assert!(!o1_mini.reasoning_effort && !o1_mini.system_message);
        let o3_mini = ModelRules::for_model("o3-mini", Some("2025-01-31"));
        assert!(o3_mini.reasoning_effort && o3_mini.system_message && !o3_mini.minimal_effort);
        assert!(!o3_mini.accepts("temperature") && !o3_mini.accepts("max_tokens"));
        assert!(o3_mini.accepts("max_completion_tokens") && o3_mini.accepts("seed"));
        assert!(ModelRules::for_model("gpt-5", None).minimal_effort);
        let chat = ModelRules::for_model("gpt-4o", None);
        assert!(chat.accepts("temperature") && !chat.accepts("reasoning_effort"));
    }
}
