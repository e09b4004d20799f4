//! A per-test stub server for one-off answer shapes: a script of answers served in order, recording
//! every request. (Everything Azure really does is also served by the simulator; this is for the odd cases.)

#![allow(clippy::unwrap_used)] // test support: a broken stub should fail the test loudly
#![allow(dead_code)] // each test file uses its own part of this module
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;

/// One scripted answer.
#[derive(Clone)]
pub struct Scripted {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
}

pub fn answer(status: u16, headers: &[(&'static str, &str)], body: &str) -> Scripted {
    Scripted {
        status,
        headers: headers.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        body: body.into(),
    }
}

/// What the stub received.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: Method,
    pub uri: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

#[derive(Clone, Default)]
struct State {
    script: Arc<Mutex<Vec<Scripted>>>,
    seen: Arc<Mutex<Vec<Seen>>>,
}

pub struct Stub {
    pub base: String,
    state: State,
}

impl Stub {
    /// Serves `script` in order (`{base}` in a body or header becomes the stub's own base URL);
    /// a request past the end of the script gets a loud 599.
    pub async fn start(script: Vec<Scripted>) -> Stub {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = State { script: Arc::new(Mutex::new(script)), seen: Arc::default() };
        let handler_state = state.clone();
        let own_base = base.clone();
        let app = Router::new().fallback(move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
            let state = handler_state.clone();
            let base = own_base.clone();
            async move {
                state.seen.lock().unwrap().push(Seen {
                    method,
                    uri: uri.to_string(),
                    headers,
                    body: body.to_vec(),
                });
                let next = {
                    let mut script = state.script.lock().unwrap();
                    (!script.is_empty()).then(|| script.remove(0))
                };
                match next {
                    Some(s) => {
                        let body = s.body.replace("{base}", &base);
                        let mut response = (StatusCode::from_u16(s.status).unwrap(), body).into_response();
                        for (k, v) in s.headers {
                            response.headers_mut().insert(k, v.replace("{base}", &base).parse().unwrap());
                        }
                        response
                    }
                    None => Response::builder().status(599).body("script exhausted".into()).unwrap(),
                }
            }
        });
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Stub { base, state }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }
}
