//! What the parameters panel shows for a model: the Azure client's rules (one place decides what is
//! sent) turned into what to hide and one line saying why.

use foundry_azure::inference::ModelRules;
use serde::Serialize;

/// A parameter the panel hides, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HiddenParameter {
    /// As the panel names it: temperature, top_p, frequency_penalty, presence_penalty,
    /// reasoning_effort, system_message.
    pub parameter: String,
    pub why: String,
}

/// What the parameters panel offers for one model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ParameterRules {
    /// The real model is known (from Resource Manager); otherwise everything is offered.
    pub known_model: bool,
    pub reasoning: bool,
    /// `minimal` is offered (the gpt-5 family).
    pub minimal_effort: bool,
    /// `max_tokens` for chat models, `max_completion_tokens` for reasoning models.
    pub length_parameter: String,
    /// "System message", or "Developer message" for reasoning models.
    pub system_label: String,
    pub hidden: Vec<HiddenParameter>,
}

impl ParameterRules {
    /// The rules for `model` (its real name from Resource Manager), or for an unknown model.
    pub fn for_model(model: Option<&str>, version: Option<&str>) -> Self {
        let Some(name) = model.filter(|m| !m.trim().is_empty()) else {
            return Self::from_rules(&ModelRules::unknown(), "this deployment", false);
        };
        Self::from_rules(&ModelRules::for_model(name, version), name, true)
    }

    fn from_rules(rules: &ModelRules, name: &str, known_model: bool) -> Self {
        let mut hidden = Vec::new();
        if rules.reasoning {
            for parameter in ["temperature", "top_p", "frequency_penalty", "presence_penalty"] {
                hidden.push(HiddenParameter {
                    parameter: parameter.into(),
                    why: format!("{name} is a reasoning model: it rejects sampling parameters"),
                });
            }
        }
        if !rules.reasoning_effort {
            let why = if rules.reasoning {
                format!("{name} thinks at one fixed effort")
            } else {
                format!("{name} is not a reasoning model")
            };
            hidden.push(HiddenParameter { parameter: "reasoning_effort".into(), why });
        }
        if !rules.system_message {
            hidden.push(HiddenParameter {
                parameter: "system_message".into(),
                why: format!("{name} takes no system message: it would be sent as the first user message"),
            });
        }
        Self {
            known_model,
            reasoning: rules.reasoning,
            minimal_effort: rules.minimal_effort && known_model,
            length_parameter: if rules.reasoning { "max_completion_tokens" } else { "max_tokens" }.into(),
            system_label: if rules.reasoning { "Developer message" } else { "System message" }.into(),
            hidden,
        }
    }
}
