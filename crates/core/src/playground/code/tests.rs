#![allow(clippy::unwrap_used)]
use serde_json::json;

use super::*;

const EP: &str = "https://contoso.openai.azure.com/";

fn v1() -> ApiStyle {
    ApiStyle::V1 { api_version: None }
}

fn classic() -> ApiStyle {
    ApiStyle::Classic { api_version: "2024-10-21".into() }
}

fn foundry() -> ApiStyle {
    ApiStyle::FoundryModels { api_version: "2024-05-01-preview".into() }
}

/// Keys in alphabetical order so the expected text holds whatever order serde_json keeps.
fn body_with(prompt: &str) -> Value {
    json!({"messages": [{"content": prompt, "role": "user"}], "model": "gpt-4o-mini"})
}

fn code_for(language: &str, all: &[CodeSnippet]) -> String {
    all.iter().find(|s| s.language == language).unwrap().code.clone()
}

#[test]
fn curl_for_a_v1_key_request_is_exact_and_shell_safe() {
    let body = body_with("It's a \"test\"\nsecond line");
    let all = snippets(EP, "gpt-4o-mini", &v1(), SnippetAuth::ApiKey, &body);
    let expected = r#"curl -sS 'https://contoso.openai.azure.com/openai/v1/chat/completions' \
  -H 'Content-Type: application/json' \
  -H "api-key: $AZURE_OPENAI_API_KEY" \
  -d @- <<'JSON'
{
  "messages": [
    {
      "content": "It's a \"test\"\nsecond line",
      "role": "user"
    }
  ],
  "model": "gpt-4o-mini"
}
JSON
"#;
    assert_eq!(code_for("curl", &all), expected);
    let curl = all.iter().find(|s| s.language == "curl").unwrap();
    assert_eq!(curl.label, "curl");
    assert!(curl.setup.starts_with("export AZURE_OPENAI_API_KEY="), "{}", curl.setup);
}

#[test]
fn v1_api_version_and_streaming_show_in_curl() {
    let mut body = body_with("hi");
    body["stream"] = json!(true);
    body["stream_options"] = json!({"include_usage": true});
    let style = ApiStyle::V1 { api_version: Some("preview".into()) };
    let curl = code_for("curl", &snippets(EP, "d", &style, SnippetAuth::ApiKey, &body));
    assert!(
        curl.starts_with(concat!(
            "curl -sS -N ",
            "'https://contoso.openai.azure.com/openai/v1/chat/completions?api-version=preview'"
        )),
        "{curl}"
    );
    assert!(curl.contains("\"stream\": true") && curl.contains("\"include_usage\": true"), "{curl}");
}

#[test]
fn classic_url_carries_the_deployment_in_the_path_and_the_api_version() {
    let body = json!({"messages": [{"content": "hi", "role": "user"}]});
    let all = snippets(EP, "gpt-4o", &classic(), SnippetAuth::ApiKey, &body);
    let url = concat!(
        "https://contoso.openai.azure.com/openai/deployments/gpt-4o/chat/completions",
        "?api-version=2024-10-21"
    );
    assert!(code_for("curl", &all).contains(&format!("'{url}'")));
    let python = code_for("python", &all);
    assert!(python.contains("from openai import AzureOpenAI"), "{python}");
    assert!(python.contains("    azure_endpoint=\"https://contoso.openai.azure.com\",\n"), "{python}");
    assert!(python.contains("    api_version=\"2024-10-21\",\n"), "{python}");
    assert!(python.contains("    model=\"gpt-4o\",\n"), "{python}");
    let js = code_for("javascript", &all);
    assert!(js.contains("import { AzureOpenAI } from \"openai\";"), "{js}");
    assert!(js.contains("  apiVersion: \"2024-10-21\",\n  apiKey: process.env.AZURE_OPENAI_API_KEY,\n"));
    assert!(js.contains("  deployment: \"gpt-4o\",\n"), "{js}");
    assert!(js.contains("\"model\": \"gpt-4o\""), "the SDK's types want a model: {js}");
    assert!(code_for("rust", &all).contains(&format!("const URL: &str = \"{url}\";")));
}

#[test]
fn foundry_models_use_the_models_route_with_its_api_version() {
    let all = snippets(EP, "Mistral-Large", &foundry(), SnippetAuth::ApiKey, &body_with("hi"));
    assert!(code_for("curl", &all).contains(
        "'https://contoso.openai.azure.com/models/chat/completions?api-version=2024-05-01-preview'"
    ));
    let python = code_for("python", &all);
    assert!(python.contains("    base_url=\"https://contoso.openai.azure.com/models\",\n"), "{python}");
    assert!(python.contains("    default_query={\"api-version\": \"2024-05-01-preview\"},\n"), "{python}");
    let js = code_for("javascript", &all);
    assert!(js.contains("  baseURL: \"https://contoso.openai.azure.com/models\",\n"), "{js}");
    assert!(js.contains("  defaultQuery: { \"api-version\": \"2024-05-01-preview\" },\n"), "{js}");
}

#[test]
fn python_renders_json_values_as_python_literals() {
    let body = json!({
        "messages": [{"content": "Say \"héllo\" — it's 日本\u{2028}ok\\", "role": "user"}],
        "model": "gpt-4o",
        "parallel_tool_calls": false,
        "store": true,
        "temperature": 0.2,
        "user": null,
        "x_nested": [[1, [true, false, null]], {"k": null}],
    });
    let python = code_for("python", &snippets(EP, "gpt-4o", &v1(), SnippetAuth::ApiKey, &body));
    let expected_call = r#"completion = client.chat.completions.create(
    model="gpt-4o",
    messages=[
        {"content": "Say \"héllo\" — it's 日本\u2028ok\\", "role": "user"},
    ],
    parallel_tool_calls=False,
    store=True,
    temperature=0.2,
    user=None,
    # Fields this SDK version has no keyword for, sent as they are.
    extra_body={"x_nested": [[1, [True, False, None]], {"k": None}]},
)
print(completion.choices[0].message.content)
"#;
    assert!(python.ends_with(expected_call), "{python}");
    assert!(python.contains("    base_url=\"https://contoso.openai.azure.com/openai/v1/\",\n"), "{python}");
    assert!(!python.contains("default_query"), "v1 without an api-version sends none: {python}");
}

#[test]
fn streaming_python_and_javascript_skip_chunks_without_choices() {
    let mut body = body_with("hi");
    body["stream"] = json!(true);
    body["stream_options"] = json!({"include_usage": true});
    let all = snippets(EP, "gpt-4o-mini", &v1(), SnippetAuth::ApiKey, &body);
    let python = code_for("python", &all);
    assert!(python.contains("stream = client.chat.completions.create(\n"), "{python}");
    assert!(python.contains("    stream=True,\n    stream_options={\"include_usage\": True},\n"), "{python}");
    let python_loop = r#"for chunk in stream:
    # Azure's first chunk (the prompt's filter results) and the usage chunk have no choices,
    # and the asynchronous filter's annotation chunks have no delta.
    delta = getattr(chunk.choices[0], "delta", None) if chunk.choices else None
    if delta is not None and delta.content:
        print(delta.content, end="", flush=True)
print()
"#;
    assert!(python.ends_with(python_loop), "{python}");
    let js = code_for("javascript", &all);
    assert!(js.contains("for await (const chunk of stream) {"), "{js}");
    assert!(js.contains("process.stdout.write(chunk.choices[0]?.delta?.content ?? \"\");"), "{js}");
    let rust = code_for("rust", &all);
    assert!(rust.contains("response.chunk().await?") && rust.contains("eventsource-stream"), "{rust}");
}

#[test]
fn the_rust_raw_string_survives_quote_hash_runs_in_the_prompt() {
    let body = body_with("a \"# b \"## c\u{2028}d");
    let all = snippets(EP, "gpt-4o-mini", &v1(), SnippetAuth::ApiKey, &body);
    let rust = code_for("rust", &all);
    // The pretty JSON holds `\"##`: two hashes after a quote, so three close the string.
    let start = rust.find("r###\"").unwrap() + "r###\"".len();
    let end = rust.find("\"###;").unwrap();
    let embedded: Value = serde_json::from_str(&rust[start..end]).unwrap();
    assert_eq!(embedded, body);
    assert!(rust.starts_with("// Cargo.toml: reqwest = { version = \"0.12\", features = [\"json\"] }"));
    assert!(rust.contains(".header(\"api-key\", key)"), "{rust}");
    // The unseen line separator is spelled out, in every language.
    for s in &all {
        assert!(s.code.contains(r"c\u2028d") && !s.code.contains('\u{2028}'), "{}", s.code);
    }
}

#[test]
fn no_snippet_carries_a_key_and_every_one_names_the_variable() {
    let fake = "FAKEKEY0123456789abcdef";
    for endpoint in [
        EP.to_string(),
        format!("https://contoso.openai.azure.com/openai/v1?api-key={fake}"),
        format!("https://me:{fake}@contoso.openai.azure.com/"),
    ] {
        for style in [v1(), classic(), foundry()] {
            let all = snippets(&endpoint, "gpt-4o", &style, SnippetAuth::ApiKey, &body_with("hi"));
            assert_eq!(all.len(), 4);
            for s in &all {
                assert!(!s.code.contains(fake) && !s.setup.contains(fake), "{endpoint}: {}", s.code);
                assert!(s.code.contains("AZURE_OPENAI_API_KEY"), "{}: {}", s.label, s.code);
                assert!(s.setup.contains("AZURE_OPENAI_API_KEY"), "{}: {}", s.label, s.setup);
                assert!(s.code.contains("contoso.openai.azure.com"), "{}", s.code);
            }
        }
    }
}

#[test]
fn entra_snippets_use_a_credential_or_an_az_token() {
    for style in [v1(), classic()] {
        let all = snippets(EP, "gpt-4o", &style, SnippetAuth::EntraId, &body_with("hi"));
        let curl = all.iter().find(|s| s.language == "curl").unwrap();
        assert!(curl.code.contains("-H \"Authorization: Bearer $AZURE_OPENAI_TOKEN\""), "{}", curl.code);
        let az = concat!(
            "export AZURE_OPENAI_TOKEN=$(az account get-access-token ",
            "--resource https://cognitiveservices.azure.com --query accessToken -o tsv)"
        );
        assert!(curl.setup.starts_with(az), "{}", curl.setup);
        for language in ["python", "javascript"] {
            let s = all.iter().find(|s| s.language == language).unwrap();
            assert!(s.code.contains("DefaultAzureCredential()"), "{}", s.code);
            assert!(s.code.contains("https://cognitiveservices.azure.com/.default"), "{}", s.code);
            assert!(!s.code.contains("AZURE_OPENAI_API_KEY"), "{}", s.code);
            assert!(s.setup.contains("az login"), "{}", s.setup);
        }
        let rust = all.iter().find(|s| s.language == "rust").unwrap();
        assert!(rust.code.contains("std::env::var(\"AZURE_OPENAI_TOKEN\")"), "{}", rust.code);
        assert!(rust.code.contains(".bearer_auth(token)"), "{}", rust.code);
        assert!(rust.setup.contains("az account get-access-token"), "{}", rust.setup);
    }
    let classic_py =
        code_for("python", &snippets(EP, "d", &classic(), SnippetAuth::EntraId, &body_with("hi")));
    assert!(classic_py.contains("    azure_ad_token_provider=token_provider,\n"), "{classic_py}");
    let v1_all = snippets(EP, "d", &v1(), SnippetAuth::EntraId, &body_with("hi"));
    assert!(code_for("python", &v1_all).contains("    api_key=token_provider,\n"));
    assert!(code_for("javascript", &v1_all).contains("  apiKey: tokenProvider,\n"));
    let classic_js =
        code_for("javascript", &snippets(EP, "d", &classic(), SnippetAuth::EntraId, &body_with("hi")));
    assert!(classic_js.contains("  azureADTokenProvider: tokenProvider,\n"), "{classic_js}");
}

#[test]
fn an_endpoint_the_parser_refuses_still_gets_a_joined_url() {
    // Plain http to a remote host is refused by the app; the snippet still shows the request.
    let all = snippets(
        "http://proxy.internal:8080/aoai/",
        "my dep",
        &classic(),
        SnippetAuth::ApiKey,
        &body_with("x"),
    );
    let url = "'http://proxy.internal:8080/aoai/openai/deployments/my%20dep/chat/completions";
    assert!(code_for("curl", &all).contains(&format!("{url}?api-version=2024-10-21'")));
    let pasted = "http://me:pw@proxy.internal:8080/aoai/openai/v1/?api-key=x";
    let all = snippets(pasted, "d", &v1(), SnippetAuth::ApiKey, &body_with("x"));
    let curl = code_for("curl", &all);
    assert!(curl.starts_with("curl -sS 'http://proxy.internal:8080/aoai/openai/v1/chat/completions' "));
    assert!(code_for("python", &all).contains("base_url=\"http://proxy.internal:8080/aoai/openai/v1/\""));
}
