//! `fdesk role list|grant|revoke` and `fdesk account update --disable-local-auth`: the real binary against
//! the simulator, which enforces what it was told.

#![allow(clippy::unwrap_used)]

mod support;

use foundry_sim::sandbox::{COLLEAGUE_NAME, COLLEAGUE_OID, COLLEAGUE_UPN, GROUP_NAME};
use support::arm::{account, fdesk, sim, with, TOKEN};

#[tokio::test(flavor = "multi_thread")]
async fn roles_are_listed_granted_by_user_name_and_revoked() {
    let sim = sim().await;
    let list = fdesk(&sim, Some(TOKEN), &with(vec!["role", "list"], &account())).await;
    assert_eq!(list.code, 0, "{}", list.stderr);
    let group_line = list.stdout.lines().find(|l| l.contains(GROUP_NAME)).unwrap();
    assert!(
        group_line.contains("Cognitive Services OpenAI User") && group_line.contains("this resource"),
        "{group_line}"
    );
    assert!(
        list.stdout.lines().any(|l| l.contains("Owner") && l.contains("inherited: subscription")),
        "{}",
        list.stdout
    );
    assert!(list.stdout.contains("Keys: accepted."));
    assert!(!list.stdout.contains(COLLEAGUE_NAME));

    let grant = ["--assignee", COLLEAGUE_UPN, "--role", "cognitive services openai user"];
    let granted = fdesk(&sim, Some(TOKEN), &with(with(vec!["role", "grant"], &account()), &grant)).await;
    assert_eq!(granted.code, 0, "{}", granted.stderr);
    assert!(
        granted.stderr.contains(&format!("Granted Cognitive Services OpenAI User to {COLLEAGUE_NAME}")),
        "{}",
        granted.stderr
    );
    assert!(granted.stderr.contains("up to 5 minutes"));
    let json =
        fdesk(&sim, Some(TOKEN), &with(vec!["role", "list"], &with(account(), &["-o", "json"]))).await.json();
    let mine: Vec<_> = json["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["principal"]["id"] == COLLEAGUE_OID)
        .collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["role"]["name"], "Cognitive Services OpenAI User");
    assert_eq!(mine[0]["scope"]["inherited"], false);

    let revoked = fdesk(&sim, Some(TOKEN), &with(with(vec!["role", "revoke"], &account()), &grant)).await;
    assert_eq!(revoked.code, 0, "{}", revoked.stderr);
    let again = fdesk(&sim, Some(TOKEN), &with(with(vec!["role", "revoke"], &account()), &grant)).await;
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("has no Cognitive Services OpenAI User"), "{}", again.stderr);

    let unknown = ["--assignee", COLLEAGUE_UPN, "--role", "Chat Person"];
    let bad = fdesk(&sim, Some(TOKEN), &with(with(vec!["role", "grant"], &account()), &unknown)).await;
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("Cognitive Services OpenAI Contributor"),
        "the message lists the roles: {}",
        bad.stderr
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn granting_without_owner_is_refused_with_azures_reason() {
    let sim = sim().await;
    let token = sim.access_token_for(COLLEAGUE_UPN, "https://management.azure.com/.default");
    let grant = [
        "--subscription",
        foundry_sim::sandbox::SUBSCRIPTION_ID,
        "--assignee",
        COLLEAGUE_OID,
        "--role",
        "Owner",
    ];
    let refused = fdesk(&sim, Some(&token), &with(with(vec!["role", "grant"], &account()), &grant)).await;
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(refused.stderr.contains("AuthorizationFailed"), "{}", refused.stderr);
    assert!(refused.stderr.contains("Owner or User Access Administrator"), "{}", refused.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn key_auth_is_switched_off_and_on() {
    let sim = sim().await;
    let off = ["--disable-local-auth", "true", "-o", "json"];
    let run = fdesk(&sim, Some(TOKEN), &with(with(vec!["account", "update"], &account()), &off)).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["properties"]["disableLocalAuth"], true);
    assert!(run.stderr.contains("no longer accepts keys"));
    let keys = fdesk(&sim, Some(TOKEN), &with(vec!["account", "keys", "list"], &account())).await;
    assert_eq!(keys.code, 1);
    assert!(keys.stderr.contains("disableLocalAuth is set to be true"), "{}", keys.stderr);
    let listed = fdesk(&sim, Some(TOKEN), &with(vec!["role", "list"], &account())).await;
    assert!(listed.stdout.contains("Keys: refused"), "{}", listed.stdout);

    let on = fdesk(
        &sim,
        Some(TOKEN),
        &with(with(vec!["account", "update"], &account()), &["--disable-local-auth", "false"]),
    )
    .await;
    assert_eq!(on.code, 0, "{}", on.stderr);
    assert!(on.stderr.contains("accepts keys again"));
    let keys = fdesk(&sim, Some(TOKEN), &with(vec!["account", "keys", "list"], &account())).await;
    assert_eq!(keys.code, 0, "{}", keys.stderr);
}
