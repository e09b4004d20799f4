//! Which web pages the app opens in the system browser. The window itself cannot open anything (it has
//! no opener permission); it asks the shell, which opens only Microsoft's own https pages — quota
//! requests, device sign-in, documentation — so a page shown in the window can never send the person to
//! an arbitrary site.

use url::Url;

/// Hosts (and their subdomains) whose pages may be opened.
const OPENABLE_HOSTS: [&str; 5] =
    ["aka.ms", "microsoft.com", "microsoftonline.com", "azure.com", "microsoftonline.us"];

/// The URL, when it is an https page of one of Microsoft's hosts; else why not.
pub fn openable(text: &str) -> Result<Url, String> {
    let url = Url::parse(text.trim()).map_err(|e| format!("'{text}' is not a web address: {e}"))?;
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let known = OPENABLE_HOSTS.iter().any(|h| host == *h || host.ends_with(&format!(".{h}")));
    if url.scheme() != "https" || !known || !url.username().is_empty() || url.password().is_some() {
        return Err(format!("the app opens only Microsoft's https pages, not '{text}'"));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::openable;

    #[test]
    fn only_microsofts_https_pages_open() {
        for ok in [
            "https://aka.ms/oai/quotaincrease",
            "https://microsoft.com/devicelogin",
            "https://login.microsoftonline.com/common/oauth2/deviceauth",
            "https://portal.azure.com/#home",
        ] {
            assert!(openable(ok).is_ok(), "{ok}");
        }
        for refused in [
            "http://aka.ms/oai/quotaincrease",
            "https://aka.ms.evil.example/",
            "https://evilmicrosoft.com/",
            "https://user@aka.ms/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "not a url",
        ] {
            assert!(openable(refused).is_err(), "{refused}");
        }
    }
}
