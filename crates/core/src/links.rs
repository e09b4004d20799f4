//! Which web pages the app opens in the system browser. The window itself cannot open anything (it has
//! no opener permission); it asks the shell, which opens only the few Microsoft pages the app links to
//! — quota requests, device sign-in, the portal, documentation — by exact host and path, so a page shown
//! in the window can never send the person to an arbitrary site (not even through a Microsoft host that
//! serves customers' content or redirects).

use url::Url;

/// Pages that may be opened: exact host, and the path they start with.
const OPENABLE: [(&str, &str); 8] = [
    ("aka.ms", "/oai/"),
    ("microsoft.com", "/devicelogin"),
    ("www.microsoft.com", "/devicelogin"),
    ("login.microsoftonline.com", "/common/oauth2/deviceauth"),
    ("login.microsoftonline.us", "/common/oauth2/deviceauth"),
    ("login.chinacloudapi.cn", "/common/oauth2/deviceauth"),
    ("portal.azure.com", "/"),
    ("learn.microsoft.com", "/"),
];

/// The URL, when it is an https page of one of Microsoft's hosts; else why not.
pub fn openable(text: &str) -> Result<Url, String> {
    let url = Url::parse(text.trim()).map_err(|e| format!("'{text}' is not a web address: {e}"))?;
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let known = OPENABLE.iter().any(|(h, path)| host == *h && url.path().starts_with(path));
    if url.scheme() != "https" || !known || !url.username().is_empty() || url.password().is_some() {
        return Err(format!("the app opens only the Microsoft pages it links to, not '{text}'"));
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
            "https://microsoft.com/deviceloginchina",
            "https://portal.azure.com/#home",
        ] {
            assert!(openable(ok).is_ok(), "{ok}");
        }
        for refused in [
            "http://aka.ms/oai/quotaincrease",
            "https://aka.ms.evil.example/",
            "https://evilmicrosoft.com/",
            "https://my-endpoint.eastus.inference.ml.azure.com/",
            "https://dev.azure.com/anyone/page",
            "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?redirect_uri=https://evil.example",
            "https://aka.ms/anything-else",
            "https://user@aka.ms/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "not a url",
        ] {
            assert!(openable(refused).is_err(), "{refused}");
        }
    }
}
