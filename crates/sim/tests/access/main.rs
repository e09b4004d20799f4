//! Access control as a client sees it: role assignments granted, listed and revoked through Resource Manager
//! and enforced on ARM and inference for tokens the simulator issued; key authentication switched off and on;
//! Microsoft Graph naming the principals; and who signs in.

#[path = "../common/mod.rs"]
mod common;
mod helpers;

mod assignments;
mod enforcement;
mod graph;
mod keys;
mod signin;
