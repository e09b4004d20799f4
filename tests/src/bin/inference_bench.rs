//! Inference benchmarks, each a figure from one run on one machine:
//! - `sse_parse_chunks_per_s`: the answer-stream parser (SSE framing + assembly) over the captured
//!   streams, in chunks per second.
//! - `chat_ttft_ratio_vs_curl`: time to first token of `fdesk chat` against `curl -N` sending the same
//!   request to the same simulator (both as processes, medians interleaved; 1.0 = no overhead).
//! - `chat_chunk_overhead_p99_us`: what the client adds per chunk, from the moment a server writes a
//!   chunk to the moment the client hands out its event (a raw loopback server that records its writes).

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use foundry_azure::inference::stream::assemble_recorded;
use foundry_azure::inference::{
    ApiKey, ApiStyle, ChatEvent, ChatParams, ChatTarget, InferenceAuth, InferenceClient, InferenceEndpoint,
    Message, Role,
};
use foundry_desk_e2e::{metric, record_bench, workspace_root};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

const ROUNDS: usize = 9;
const CHUNKS: usize = 400;

#[tokio::main]
async fn main() {
    let mut metrics = serde_json::Map::new();
    let parse = sse_parse_chunks_per_s();
    metrics.insert("sse_parse_chunks_per_s".into(), metric(parse, "chunks/s", "higher"));
    let (fdesk, curl) = ttft_fdesk_vs_curl().await;
    metrics.insert("chat_ttft_fdesk_ms".into(), metric(fdesk, "ms", "lower"));
    metrics.insert("chat_ttft_curl_ms".into(), metric(curl, "ms", "lower"));
    metrics.insert("chat_ttft_ratio_vs_curl".into(), metric(fdesk / curl, "ratio", "lower"));
    let (p50, p99) = chunk_overhead_us().await;
    metrics.insert("chat_chunk_overhead_p50_us".into(), metric(p50, "µs", "lower"));
    metrics.insert("chat_chunk_overhead_p99_us".into(), metric(p99, "µs", "lower"));
    println!("{}", serde_json::to_string_pretty(&metrics).expect("json"));
    record_bench(metrics);
}

fn captured_streams() -> Vec<Vec<u8>> {
    let dir = workspace_root().join("contract/azure/inference");
    let mut streams = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("contract/azure/inference") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "sse") {
            streams.push(std::fs::read(&path).expect("read a capture"));
        }
    }
    assert!(!streams.is_empty(), "no captured streams");
    streams
}

fn sse_parse_chunks_per_s() -> f64 {
    let streams = captured_streams();
    let chunks_per_pass: usize =
        streams.iter().map(|s| String::from_utf8_lossy(s).matches("data: ").count()).sum();
    let mut best = 0.0f64;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let mut passes = 0usize;
        while started.elapsed() < Duration::from_millis(300) {
            for stream in &streams {
                let events = assemble_recorded(stream);
                assert!(!events.iter().any(|e| matches!(e, ChatEvent::Error { .. })));
            }
            passes += 1;
        }
        best = best.max((passes * chunks_per_pass) as f64 / started.elapsed().as_secs_f64());
    }
    best
}

fn fdesk_binary() -> PathBuf {
    workspace_root().join("target/release/fdesk")
}

/// Median time to first token of `fdesk chat` and of `curl -N`, in ms.
async fn ttft_fdesk_vs_curl() -> (f64, f64) {
    let config = foundry_sim::SimConfig { chunk_delay_ms: 10, ..foundry_sim::SimConfig::fast() };
    let sim = foundry_sim::RunningSim::start_with(config).await.expect("start the simulator");
    let (endpoint, key) = sandbox_endpoint_and_key(&sim).await;
    let url = format!("{endpoint}openai/v1/chat/completions");
    let body = serde_json::json!({
        "model": "gpt-4o-mini",
        "messages": [{"role": "user", "content": "Say hello"}],
        "stream": true
    })
    .to_string();
    let (mut fdesk, mut curl) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let mut command = tokio::process::Command::new(fdesk_binary());
        command
            .args(["chat", "--endpoint", &endpoint, "--deployment", "gpt-4o-mini", "Say hello"])
            .env("FDESK_API_KEY", &key);
        fdesk.push(first_token_ms(command, FirstToken::FirstByte).await);
        let mut command = tokio::process::Command::new("curl");
        command.args([
            "-sN",
            "-H",
            &format!("api-key: {key}"),
            "-H",
            "content-type: application/json",
            "-d",
            &body,
            &url,
        ]);
        curl.push(first_token_ms(command, FirstToken::ContentLine).await);
    }
    (median(fdesk), median(curl))
}

/// A `data:` line whose first choice carries text.
fn has_content(line: &str) -> bool {
    let Some(data) = line.strip_prefix("data: ") else { return false };
    let chunk: serde_json::Value = serde_json::from_str(data).unwrap_or_default();
    chunk.pointer("/choices/0/delta/content").and_then(|c| c.as_str()).is_some_and(|c| !c.is_empty())
}

/// How a process shows its first token on stdout.
enum FirstToken {
    /// fdesk prints nothing but the answer on stdout: its first byte is the first token.
    FirstByte,
    /// curl prints the raw stream: the first `data:` line whose choice carries text.
    ContentLine,
}

/// Milliseconds from spawning `command` to its first token.
async fn first_token_ms(mut command: tokio::process::Command, first: FirstToken) -> f64 {
    let started = Instant::now();
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut elapsed = None;
    let mut reader = BufReader::new(stdout);
    match first {
        FirstToken::FirstByte => {
            let mut byte = [0u8; 1];
            if reader.read(&mut byte).await.expect("read") == 1 {
                elapsed = Some(started.elapsed());
            }
        }
        FirstToken::ContentLine => {
            let mut lines = reader.lines();
            while let Some(line) = lines.next_line().await.expect("read") {
                if has_content(&line) {
                    elapsed = Some(started.elapsed());
                    break;
                }
            }
        }
    }
    let _ = child.kill().await;
    elapsed.expect("no token arrived").as_secs_f64() * 1000.0
}

/// The Sandbox OpenAI account's endpoint (served by the simulator) and one of its keys, through ARM.
async fn sandbox_endpoint_and_key(sim: &foundry_sim::RunningSim) -> (String, String) {
    use foundry_azure::arm::{AccountRef, ArmClient};
    use foundry_sim::sandbox::{ACCOUNT_OPENAI, GROUP_EAST, SUBSCRIPTION_ID};
    let base = url::Url::parse(&sim.base_url()).expect("simulator URL");
    let client = ArmClient::new(
        &foundry_azure::cloud::Cloud::at("Sandbox", &base),
        std::sync::Arc::new(foundry_azure::token::StaticToken::new("bench")),
    )
    .expect("ARM client");
    let account = AccountRef {
        subscription: SUBSCRIPTION_ID.into(),
        resource_group: GROUP_EAST.into(),
        name: ACCOUNT_OPENAI.into(),
    };
    let keys = client.list_keys(&account).await.expect("listKeys");
    let shown = client.get_account(&account).await.expect("account");
    let endpoint = shown.properties.endpoint.expect("endpoint");
    (foundry_sim::sandbox_endpoint(&sim.base_url(), &endpoint), keys.key1)
}

/// p50 and p99 of (event out − chunk written), in µs, over `CHUNKS` chunks.
async fn chunk_overhead_us() -> (f64, f64) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (written_tx, written_rx) = std::sync::mpsc::channel::<Instant>();
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("accept");
        let mut request = vec![0u8; 16 * 1024];
        let _ = socket.read(&mut request).await;
        let head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n";
        socket.write_all(head.as_bytes()).await.expect("write");
        for i in 0..CHUNKS {
            let chunk = format!(
                "data: {{\"choices\":[{{\"content_filter_results\":{{\"hate\":{{\"filtered\":false,\"severity\":\"safe\"}}}},\"delta\":{{\"content\":\"w{i} \"}},\"finish_reason\":null,\"index\":0}}],\"obfuscation\":\"abcdef\"}}\n\n"
            );
            written_tx.send(Instant::now()).expect("record");
            socket.write_all(chunk.as_bytes()).await.expect("write");
            socket.flush().await.expect("flush");
            // Pace the chunks like a model does, so each is read on its own.
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        let finish =
            "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\",\"index\":0}]}\n\ndata: [DONE]\n\n";
        socket.write_all(finish.as_bytes()).await.expect("write");
    });
    let endpoint = InferenceEndpoint::parse(&format!("http://{addr}/")).expect("endpoint");
    let target = ChatTarget { endpoint, style: ApiStyle::default(), deployment: "d".into(), model: None };
    let params = ChatParams { messages: vec![Message::new(Role::User, "go")], ..ChatParams::default() };
    let client = InferenceClient::new(
        InferenceClient::default_http().expect("http"),
        InferenceAuth::ApiKey(ApiKey::new("k")),
    );
    let mut stream = client.chat_stream(&target, &params).await.expect("stream");
    let mut overheads = Vec::new();
    while let Some(event) = stream.next().await {
        if let ChatEvent::Delta { .. } = event {
            let out = Instant::now();
            let written = written_rx.recv().expect("a write for each delta");
            overheads.push(out.duration_since(written).as_secs_f64() * 1e6);
        }
    }
    server.await.expect("server");
    assert_eq!(overheads.len(), CHUNKS);
    overheads.sort_by(f64::total_cmp);
    (overheads[CHUNKS / 2], overheads[(CHUNKS * 99) / 100])
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
