//! The Rust: reqwest and serde_json, the body as a raw string.

use super::*;

pub(super) fn rust(target: &Target<'_>, auth: SnippetAuth) -> CodeSnippet {
    let mut code = String::from(
        "// Cargo.toml: reqwest = { version = \"0.12\", features = [\"json\"] }, \
         tokio = { version = \"1\", features = [\"full\"] }, serde_json = \"1\"\n",
    );
    if target.stream {
        code.push_str("use std::io::Write;\n\n");
    }
    // `{:?}` of a str is a valid Rust string literal, escapes included.
    code.push_str(&format!("const URL: &str = {:?};\n\n", target.url));
    code.push_str(
        "// The body exactly as sent. A raw string keeps the prompt's quotes and escapes as they are;\n\
         // serde_json::json! would need the body rewritten as Rust tokens.\n",
    );
    code.push_str(&format!("const BODY: &str = {};\n\n", raw_string(&target.pretty)));
    code.push_str("#[tokio::main]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {\n");
    let (var, header) = match auth {
        SnippetAuth::ApiKey => ("key", ".header(\"api-key\", key)"),
        SnippetAuth::EntraId => ("token", ".bearer_auth(token)"),
    };
    let env = match auth {
        SnippetAuth::ApiKey => KEY_VAR,
        SnippetAuth::EntraId => TOKEN_VAR,
    };
    code.push_str(&format!(
        "    // Read from the environment so the secret never lands in source control.\n    \
         let {var} = std::env::var(\"{env}\").map_err(|_| \"set {env} first\")?;\n"
    ));
    let binding = if target.stream { "let mut response" } else { "let response" };
    code.push_str(&format!(
        "    let body: serde_json::Value = serde_json::from_str(BODY)?;\n    \
         {binding} = reqwest::Client::new()\n        \
         .post(URL)\n        \
         {header}\n        \
         .json(&body)\n        \
         .send()\n        \
         .await?;\n    \
         let status = response.status();\n    \
         if !status.is_success() {{\n        \
         // Azure says why in the body: content filter, unknown deployment, rate limit…\n        \
         return Err(format!(\"{{status}}: {{}}\", response.text().await?).into());\n    \
         }}\n"
    ));
    if target.stream {
        code.push_str(
            "    // Server-sent events: `data: {json}` lines, then `data: [DONE]`. A real client\n    \
             // should use an SSE parser such as eventsource-stream; split lines are enough to watch.\n    \
             let mut pending: Vec<u8> = Vec::new();\n    \
             while let Some(bytes) = response.chunk().await? {\n        \
             pending.extend_from_slice(&bytes);\n        \
             // Whole lines only: a chunk can end mid-line, even mid-character.\n        \
             while let Some(end) = pending.iter().position(|b| *b == b'\\n') {\n            \
             let line: Vec<u8> = pending.drain(..=end).collect();\n            \
             let line = String::from_utf8_lossy(&line);\n            \
             let Some(data) = line.trim_end().strip_prefix(\"data:\") else { continue };\n            \
             let data = data.trim_start();\n            \
             if data == \"[DONE]\" {\n                \
             println!();\n                \
             return Ok(());\n            \
             }\n            \
             let chunk: serde_json::Value = serde_json::from_str(data)?;\n            \
             // The first and the usage chunk have no choices; filter annotations no delta.\n            \
             if let Some(text) = chunk[\"choices\"][0][\"delta\"][\"content\"].as_str() {\n                \
             print!(\"{text}\");\n                \
             std::io::stdout().flush()?;\n            \
             }\n        \
             }\n    \
             }\n    \
             println!();\n    \
             Ok(())\n\
             }\n",
        );
    } else {
        code.push_str(
            "    let answer: serde_json::Value = response.json().await?;\n    \
             // A filtered answer has finish_reason \"content_filter\" and no message: show all.\n    \
             match answer[\"choices\"][0][\"message\"][\"content\"].as_str() {\n        \
             Some(text) => println!(\"{text}\"),\n        \
             None => println!(\"{answer:#}\"),\n    \
             }\n    \
             Ok(())\n\
             }\n",
        );
    }
    let setup = match auth {
        SnippetAuth::ApiKey => KEY_SETUP,
        SnippetAuth::EntraId => TOKEN_SETUP,
    };
    snippet("rust", "Rust (reqwest)", code, setup.to_string())
}

/// `text` as a Rust raw string literal with enough `#`s that nothing inside can close it: one more than
/// the longest run of `#` following a `"`.
pub(super) fn raw_string(text: &str) -> String {
    let mut longest = 0;
    let mut run: Option<usize> = None;
    for c in text.chars() {
        run = match (c, run) {
            ('"', _) => Some(0),
            ('#', Some(n)) => Some(n + 1),
            _ => None,
        };
        longest = longest.max(run.unwrap_or(0));
    }
    let hashes = "#".repeat(longest + 1);
    format!("r{hashes}\"{text}\"{hashes}")
}
