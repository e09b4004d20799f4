//! The browser flow: authorization code + PKCE (S256) with a loopback redirect. The shell opens the
//! system browser at [`BrowserSignIn::authorize_url`]; Entra sends the browser back to
//! `http://localhost:{port}` with a code, which is exchanged here with the PKCE verifier.

use std::time::SystemTime;

use oauth2::{AuthorizationCode, CsrfToken, PkceCodeChallenge, PkceCodeVerifier, Scope};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use url::Url;

use super::authority::{Authority, EntraClient};
use super::errors::entra_error;
use super::tokens::SignedIn;
use crate::error::{AzureError, ErrorKind};

const DONE_PAGE: &str = "<!doctype html><meta charset=utf-8><title>Foundry Desk</title>\
<body style=\"font-family:system-ui;margin:3em\"><h1>Signed in</h1><p>You can close this tab and go back to Foundry Desk.</p>";
const FAILED_PAGE: &str = "<!doctype html><meta charset=utf-8><title>Foundry Desk</title>\
<body style=\"font-family:system-ui;margin:3em\"><h1>Sign-in did not finish</h1><p>Go back to Foundry Desk to see why.</p>";

/// A browser sign-in waiting for the redirect.
pub struct BrowserSignIn {
    client: EntraClient,
    http: reqwest::Client,
    listener: TcpListener,
    verifier: PkceCodeVerifier,
    state: CsrfToken,
    authorize_url: Url,
}

impl BrowserSignIn {
    /// Listens on a free loopback port and builds the URL to open in the browser; the code is exchanged
    /// over `http` (a sign-in client: see [`crate::network::NetworkOptions::sign_in_client`]).
    pub async fn start(
        http: &reqwest::Client,
        authority: &Authority,
        client_id: &str,
        scopes: &[&str],
    ) -> Result<Self, AzureError> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await.map_err(|e| {
            AzureError::local(ErrorKind::Network, format!("could not listen for the sign-in redirect: {e}"))
        })?;
        let port =
            listener.local_addr().map_err(|e| AzureError::local(ErrorKind::Network, e.to_string()))?.port();
        // Entra matches `http://localhost` whatever the port.
        let client = authority.client(client_id, Some(&format!("http://localhost:{port}")))?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (authorize_url, state) = client
            .authorize_url(CsrfToken::new_random)
            .add_scopes(scopes.iter().map(|s| Scope::new((*s).to_string())))
            .set_pkce_challenge(challenge)
            .url();
        Ok(Self { client, http: http.clone(), listener, verifier, state, authorize_url })
    }

    /// Where to send the browser.
    pub fn authorize_url(&self) -> &Url {
        &self.authorize_url
    }

    /// Waits for the browser to come back, then exchanges the code. `cancel` stops waiting.
    pub async fn finish(self, cancel: &CancellationToken) -> Result<SignedIn, AzureError> {
        let code = tokio::select! {
            biased;
            _ = cancel.cancelled() => return Err(AzureError::local(ErrorKind::Cancelled, "sign-in cancelled")),
            code = wait_for_redirect(&self.listener, self.state.secret()) => code?,
        };
        let asked = SystemTime::now();
        let response = self
            .client
            .exchange_code(AuthorizationCode::new(code))
            .set_pkce_verifier(self.verifier)
            .request_async(&self.http)
            .await
            .map_err(entra_error)?;
        Ok(SignedIn::from_response(&response, asked))
    }
}

/// Answers requests on the loopback port until one carries the code (or Entra's error) for our state.
async fn wait_for_redirect(listener: &TcpListener, state: &str) -> Result<String, AzureError> {
    loop {
        let (mut socket, _) = listener.accept().await.map_err(|e| {
            AzureError::local(ErrorKind::Network, format!("the sign-in redirect failed: {e}"))
        })?;
        let mut buffer = vec![0u8; 8192];
        let read = socket.read(&mut buffer).await.unwrap_or(0);
        let request = String::from_utf8_lossy(&buffer[..read]);
        let target = request.lines().next().and_then(|line| line.split_whitespace().nth(1)).unwrap_or("/");
        let query: Vec<(String, String)> = Url::parse(&format!("http://localhost{target}"))
            .map(|u| u.query_pairs().into_owned().collect())
            .unwrap_or_default();
        let param = |name: &str| query.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        let outcome = match (param("code"), param("error")) {
            // A browser also asks for /favicon.ico and the like: not ours, keep waiting.
            (None, None) => {
                let _ = socket
                    .write_all(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                    .await;
                continue;
            }
            _ if param("state").as_deref() != Some(state) => Err(AzureError::local(
                ErrorKind::Auth,
                "the sign-in redirect did not come from this sign-in (state mismatch); try again",
            )),
            (Some(code), None) => Ok(code),
            (_, Some(error)) => {
                let description = param("error_description").unwrap_or_default();
                let mut failure = AzureError::local(
                    if error == "access_denied" { ErrorKind::Cancelled } else { ErrorKind::Auth },
                    if description.is_empty() { error.clone() } else { description },
                );
                failure.code = Some(error);
                Err(failure)
            }
        };
        let page = if outcome.is_ok() { DONE_PAGE } else { FAILED_PAGE };
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{page}",
            page.len()
        );
        let _ = socket.write_all(answer.as_bytes()).await;
        return outcome;
    }
}
