//! How `fdesk` prints: JSON exactly as Azure sent it, aligned tables for people, errors on stderr.

use std::io::Write;

use clap::ValueEnum;
use foundry_azure::AzureError;
use serde::Serialize;

/// `--output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns (for `chat`: the answer as text).
    #[default]
    #[value(alias = "text")]
    Table,
    /// The resources as Azure returned them.
    Json,
}

/// Why a command failed, and so which exit code it ends with.
#[derive(Debug)]
pub enum Failure {
    /// Azure refused, or could not be reached: exit 1.
    Azure(AzureError),
    /// A chat failed (inference): exit 1, with a hint about keys and deployments rather than ARM tokens.
    Chat(AzureError),
    /// The command cannot run as given (missing token, subscription to choose): exit 2.
    Usage(String),
}

impl From<AzureError> for Failure {
    fn from(error: AzureError) -> Self {
        Self::Azure(error)
    }
}

/// Writes a line to stdout; a closed pipe (`| head`) is not worth a panic.
pub fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{text}");
}

/// Pretty JSON of a typed model, which serializes back to Azure's own field names.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<(), Failure> {
    let encode = |e: serde_json::Error| Failure::Usage(format!("could not write the answer as JSON: {e}"));
    out(&serde_json::to_string_pretty(value).map_err(encode)?);
    Ok(())
}

/// Columns padded to their widest cell, two spaces apart; the last column is not padded.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(width) = widths.get_mut(i) {
                *width = (*width).max(cell.chars().count());
            }
        }
    }
    let line = |cells: Vec<&str>| {
        let last = cells.len().saturating_sub(1);
        let mut text = String::new();
        for (i, cell) in cells.into_iter().enumerate() {
            text.push_str(cell);
            if i < last {
                let pad = widths.get(i).copied().unwrap_or(0).saturating_sub(cell.chars().count());
                text.push_str(&" ".repeat(pad + 2));
            }
        }
        text.trim_end().to_string()
    };
    let mut lines = vec![line(headers.to_vec())];
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    lines.push(line(rule.iter().map(String::as_str).collect()));
    lines.extend(rows.iter().map(|row| line(row.iter().map(String::as_str).collect())));
    lines.join("\n")
}

/// Prints a table to stdout.
pub fn print_table(headers: &[&str], rows: &[Vec<String>]) {
    out(&table(headers, rows));
}

/// `-` for a missing value.
pub fn or_dash(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

/// The error report on stderr: Azure's message, code, request id, and the role a 403 needs.
pub fn report(failure: &Failure) {
    let mut stderr = std::io::stderr().lock();
    let _ = match failure {
        Failure::Usage(message) => writeln!(stderr, "fdesk: {message}"),
        Failure::Azure(error) => writeln!(stderr, "{}", describe_azure_error(error)),
        Failure::Chat(error) => {
            let mut text = describe_error(error);
            if let Some(hint) = crate::chat::hint(error) {
                text.push_str(&format!("\n  hint: {hint}"));
            }
            writeln!(stderr, "{text}")
        }
    };
}

/// The lines of an Azure error report, with the hint for Resource Manager calls.
pub fn describe_azure_error(error: &AzureError) -> String {
    let mut text = describe_error(error);
    if error.kind == foundry_azure::ErrorKind::Auth {
        // Name the credential that was actually used: the token variable, else the profile's sign-in.
        if std::env::var_os(crate::arm_commands::TOKEN_VAR).is_some() {
            text.push_str("\n  hint: FDESK_ARM_TOKEN may have expired; get a new one with `az account get-access-token --query accessToken -o tsv`");
        } else {
            text.push_str("\n  hint: the profile's sign-in has expired or was revoked; sign in again with `fdesk login --profile NAME`");
        }
    }
    text
}

/// Azure's message, code, status, request id, missing role and wait.
fn describe_error(error: &AzureError) -> String {
    let mut lines = vec![format!("fdesk: error: {}", error.message)];
    if let Some(code) = &error.code {
        lines.push(format!("  code:         {code}"));
    }
    if let Some(status) = error.status {
        lines.push(format!("  http status:  {status}"));
    }
    if let Some(id) = &error.request_id {
        lines.push(format!("  request id:   {id}"));
    }
    if let Some(role) = error.missing_role {
        lines.push(format!("  missing role: {role} (ask an owner of the resource to grant it)"));
    }
    if let Some(wait) = error.retry_after {
        lines.push(format!("  retry after:  {} s", wait.as_secs()));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use foundry_azure::ErrorKind;

    #[test]
    fn tables_align_columns() {
        let rows = vec![vec!["gpt-4o".to_string(), "50".into()], vec!["e".into(), "7".into()]];
        assert_eq!(
            table(&["NAME", "CAPACITY"], &rows),
            "NAME    CAPACITY\n------  --------\ngpt-4o  50\ne       7"
        );
    }

    #[test]
    fn azure_errors_show_code_request_id_and_role() {
        let mut error = AzureError::local(ErrorKind::Forbidden, "no");
        error.code = Some("AuthorizationFailed".into());
        error.request_id = Some("r-1".into());
        error.missing_role = Some("Cognitive Services Contributor");
        let text = describe_azure_error(&error);
        assert!(text.contains("AuthorizationFailed") && text.contains("r-1"), "{text}");
        assert!(text.contains("Cognitive Services Contributor"), "{text}");
    }
}
