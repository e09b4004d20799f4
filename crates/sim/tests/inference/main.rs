//! The inference data plane over real HTTP: addressing by host name, the three URL forms, both auth
//! paths and their two 401 shapes, deployment and model checks, reasoning rules, deterministic answers
//! streamed exactly like the captures, rate limits, faults and the request counter.

#[path = "../common/mod.rs"]
mod common;
mod helpers;

mod addressing;
mod answers;
mod auth;
mod deployments;
mod faults;
mod limits;
mod reasoning;
mod streaming;
