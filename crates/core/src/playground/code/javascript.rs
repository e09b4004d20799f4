//! The JavaScript: the openai package (OpenAI for v1, AzureOpenAI for classic).

use super::*;

pub(super) fn javascript(target: &Target<'_>, auth: SnippetAuth, body: &Value) -> CodeSnippet {
    let classic = matches!(target.style, ApiStyle::Classic { .. });
    let mut code = String::new();
    if auth == SnippetAuth::EntraId {
        code.push_str(
            "import { DefaultAzureCredential, getBearerTokenProvider } from \"@azure/identity\";\n",
        );
    }
    code.push_str(if classic {
        "import { AzureOpenAI } from \"openai\";\n\n"
    } else {
        "import OpenAI from \"openai\";\n\n"
    });
    if auth == SnippetAuth::EntraId {
        code.push_str(&format!(
            "// Fetches and refreshes Entra ID tokens (az login, a managed identity, environment vars).\n\
             const tokenProvider = getBearerTokenProvider(\n  new DefaultAzureCredential(),\n  {},\n);\n\n",
            js_str(SCOPE)
        ));
    }
    let key = format!("process.env.{KEY_VAR}");
    if classic {
        code.push_str("const client = new AzureOpenAI({\n");
        code.push_str(&format!("  endpoint: {},\n", js_str(&target.base)));
        code.push_str(&format!("  apiVersion: {},\n", js_str(api_version(target.style).unwrap_or_default())));
        match auth {
            SnippetAuth::ApiKey => code.push_str(&format!("  apiKey: {key},\n")),
            SnippetAuth::EntraId => code.push_str("  azureADTokenProvider: tokenProvider,\n"),
        }
        code.push_str(&format!("  deployment: {},\n", js_str(target.deployment)));
    } else {
        let base_url = match target.style {
            ApiStyle::FoundryModels { .. } => format!("{}/models", target.base),
            _ => format!("{}/openai/v1/", target.base),
        };
        code.push_str("const client = new OpenAI({\n");
        code.push_str(&format!("  baseURL: {},\n", js_str(&base_url)));
        match auth {
            SnippetAuth::ApiKey => code.push_str(&format!("  apiKey: {key},\n")),
            SnippetAuth::EntraId => code.push_str(
                "  // A key function is asked for a fresh token on every request (a recent openai: older\n  \
                 // versions take only a string).\n  apiKey: tokenProvider,\n",
            ),
        }
        if let Some(version) = api_version(target.style) {
            code.push_str(&format!("  defaultQuery: {{ \"api-version\": {} }},\n", js_str(version)));
        }
    }
    code.push_str("});\n\n");

    // The SDK's types want `model` even where the URL names the deployment (classic).
    let mut request = body.clone();
    if let Value::Object(fields) = &mut request {
        fields.entry("model").or_insert_with(|| Value::String(target.model.clone()));
    }
    // JSON is a valid JavaScript object literal, so the body is shown exactly as it is sent.
    let request = pretty_json(&request);
    if target.stream {
        code.push_str(&format!("const stream = await client.chat.completions.create({request});\n"));
        code.push_str(
            "for await (const chunk of stream) {\n  \
             // Azure's first chunk (the prompt's filter results) and the usage chunk have no choices,\n  \
             // and the asynchronous filter's annotation chunks have no delta.\n  \
             process.stdout.write(chunk.choices[0]?.delta?.content ?? \"\");\n\
             }\n\
             process.stdout.write(\"\\n\");\n",
        );
    } else {
        code.push_str(&format!("const completion = await client.chat.completions.create({request});\n"));
        code.push_str("console.log(completion.choices[0]?.message?.content);\n");
    }
    // Top-level await needs an ES module.
    let setup = match auth {
        SnippetAuth::ApiKey => format!("npm install openai; save as chat.mjs; {KEY_SETUP}"),
        SnippetAuth::EntraId => {
            format!("npm install openai@latest @azure/identity; save as chat.mjs; {CREDENTIAL_NOTE}")
        }
    };
    snippet("javascript", "JavaScript (openai)", code, setup)
}

/// A JavaScript string literal (JSON's, which JavaScript reads the same way).
pub(super) fn js_str(text: &str) -> String {
    Value::String(text.to_string()).to_string()
}
