//! The curl: the exact URL and body, the key from the environment.

use super::*;

pub(super) fn curl(target: &Target<'_>, auth: SnippetAuth) -> CodeSnippet {
    // -N: print the stream as it arrives instead of when curl's buffer fills.
    let no_buffer = if target.stream { " -N" } else { "" };
    // Double quotes so the shell expands the variable; the value itself never appears.
    let auth_header = match auth {
        SnippetAuth::ApiKey => format!("-H \"api-key: ${KEY_VAR}\""),
        SnippetAuth::EntraId => format!("-H \"Authorization: Bearer ${TOKEN_VAR}\""),
    };
    // The body goes through a quoted heredoc: the shell expands nothing in it, so quotes, `$` and
    // backticks in a prompt arrive as typed. Pretty JSON never has a line reading just `JSON`.
    let code = format!(
        "curl -sS{no_buffer} {url} \\\n  -H 'Content-Type: application/json' \\\n  {auth_header} \\\n  \
         -d @- <<'JSON'\n{body}\nJSON\n",
        url = shell_quote(&target.url),
        body = target.pretty,
    );
    let setup = match auth {
        SnippetAuth::ApiKey => KEY_SETUP,
        SnippetAuth::EntraId => TOKEN_SETUP,
    };
    snippet("curl", "curl", code, setup.to_string())
}

/// Single-quotes `text` for a POSIX shell (a `?` in an unquoted URL is a glob to zsh).
pub(super) fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}
