//! A recording forward proxy on a loopback port: the stand-in for a company's HTTP proxy in tests. It
//! forwards plain-HTTP requests in absolute form (`POST http://127.0.0.1:PORT/path HTTP/1.1`), the way
//! a client sends them to a proxy, streams each answer back as it arrives (an SSE answer still streams),
//! and remembers what it forwarded, so a test can prove a request went through it — and with which query.
//! `CONNECT` (an HTTPS tunnel) is refused with 405: the simulator speaks plain HTTP.
//!
//! Built on axum's server (hyper parses the request line) and hyper-util's client, both already here.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// Headers meant for one hop only (RFC 9110 §7.6.1), never passed on.
const HOP_BY_HOP: [&str; 8] = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "upgrade",
];

struct Shared {
    client: Client<HttpConnector, Body>,
    seen: Mutex<Vec<String>>,
    /// The requests (as in `seen`) that carried a credential header; the values are never kept.
    with_credentials: Mutex<Vec<String>>,
}

/// Headers that carry a key or a token to Azure.
const CREDENTIALS: [&str; 2] = ["authorization", "api-key"];

/// A forward proxy serving on `127.0.0.1:<port>` until dropped.
pub struct RecordingProxy {
    addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
}

impl RecordingProxy {
    /// Starts the proxy on a free loopback port.
    pub async fn start() -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            client: Client::builder(TokioExecutor::new()).build_http(),
            seen: Mutex::default(),
            with_credentials: Mutex::default(),
        });
        let router = Router::new().fallback(forward).with_state(Arc::clone(&shared));
        let (shutdown, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let serve = axum::serve(listener, router).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(e) = serve.await {
                tracing::error!("recording proxy stopped: {e}");
            }
        });
        Ok(Self { addr, shared, shutdown: Some(shutdown) })
    }

    /// `http://127.0.0.1:<port>`: the proxy URL to configure.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `127.0.0.1:<port>`.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request it was asked for, in order, as `METHOD absolute-URI` (`CONNECT host:port` too).
    pub fn seen(&self) -> Vec<String> {
        self.shared.seen.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The requests of `seen` that carried a key or a token (`Authorization`, `api-key`).
    pub fn seen_with_credentials(&self) -> Vec<String> {
        self.shared.with_credentials.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl Drop for RecordingProxy {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

async fn forward(State(shared): State<Arc<Shared>>, mut request: Request) -> Response {
    let line = format!("{} {}", request.method(), request.uri());
    if CREDENTIALS.iter().any(|name| request.headers().contains_key(*name)) {
        shared.with_credentials.lock().unwrap_or_else(|e| e.into_inner()).push(line.clone());
    }
    shared.seen.lock().unwrap_or_else(|e| e.into_inner()).push(line);
    if request.method() == Method::CONNECT {
        return (StatusCode::METHOD_NOT_ALLOWED, "this proxy does not open tunnels").into_response();
    }
    // A request meant for a proxy names its target in full; an origin-form one was sent here by mistake.
    if request.uri().scheme().is_none() || request.uri().authority().is_none() {
        return (StatusCode::BAD_REQUEST, "send absolute-form requests to a proxy").into_response();
    }
    strip_hop_by_hop(request.headers_mut());
    match shared.client.request(request).await {
        Ok(answer) => {
            let mut answer = answer.map(Body::new);
            strip_hop_by_hop(answer.headers_mut());
            answer
        }
        Err(e) => {
            (StatusCode::BAD_GATEWAY, format!("the proxy could not reach the server: {e}")).into_response()
        }
    }
}

/// Removes hop-by-hop headers, and those the `Connection` header names as such.
fn strip_hop_by_hop(headers: &mut HeaderMap) {
    let named: Vec<HeaderName> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|name| HeaderName::from_bytes(name.trim().as_bytes()).ok())
        .collect();
    for name in named.iter().map(HeaderName::as_str).chain(HOP_BY_HOP) {
        headers.remove(name);
    }
}
