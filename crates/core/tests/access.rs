//! Access control end to end over the simulator on loopback: a colleague can chat only while granted a
//! role, a caller without Owner cannot grant, "what can I do here?" names the missing role, inherited
//! roles are marked, Graph refusing leaves ids, and switching keys off stops a saved key (with its
//! explanation) while Entra sign-in — and a profile switched to it — keeps working.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use foundry_azure::arm::client::role_ids;
use foundry_azure::arm::AccountRef;
use foundry_desk_core::access::{Capability, PrincipalKind, ScopeLevel};
use foundry_desk_core::connections::{ConnectionError, Connections, NewAccountProfile, NewEndpointProfile};
use foundry_desk_core::conversations::{
    ConversationMessage, ConversationTarget, MessageRole, PlaygroundParameters,
};
use foundry_desk_core::playground::{new_message_id, ChatProblem, ProblemKind, Runs, SendRequest};
use foundry_desk_core::profiles::{ApiStyleChoice, CloudChoice};
use foundry_desk_core::secrets::MemoryStore;
use foundry_sim::sandbox::{
    ACCOUNT_OPENAI, APP_NAME, COLLEAGUE_NAME, COLLEAGUE_UPN, GROUP_EAST, GROUP_NAME, KATHERINE_UPN,
    SUBSCRIPTION_ID,
};
use foundry_sim::{Fault, FaultKind, RunningSim, SimConfig};

fn east() -> AccountRef {
    AccountRef {
        subscription: SUBSCRIPTION_ID.into(),
        resource_group: GROUP_EAST.into(),
        name: ACCOUNT_OPENAI.into(),
    }
}

fn connections(dir: &tempfile::TempDir) -> Connections {
    Connections::new(dir.path().to_path_buf(), Arc::new(MemoryStore::new()))
}

/// An Azure account profile on the simulator, signed in by device code as whoever the simulator's
/// Entra signs in now.
async fn signed_in(connections: &Connections, sim: &RunningSim, name: &str) -> String {
    let new = NewAccountProfile {
        name: name.into(),
        cloud: CloudChoice::Custom {
            resource_manager: sim.base_url(),
            authority_host: sim.base_url(),
            audience: Some("https://management.azure.com".into()),
        },
        client_id: None,
        use_azure_cli: false,
    };
    let id = connections.add_account_profile(new).unwrap().profile.id;
    let code = connections.start_device_code(&id).await.unwrap();
    connections.finish_sign_in(&code.sign_in_id).await.unwrap();
    id
}

/// Ada's chat target on the eastus account's first chat deployment.
async fn ada_target(connections: &Connections, ada: &str) -> ConversationTarget {
    let profiles = connections.playground_targets().await.unwrap();
    let mine = profiles.iter().find(|p| p.profile_id == ada).unwrap();
    mine.targets
        .iter()
        .find(|t| {
            t.target.account.as_deref() == Some(ACCOUNT_OPENAI) && !t.target.deployment.contains("embedding")
        })
        .unwrap()
        .target
        .clone()
}

/// Asks once; the problem, if the answer failed.
async fn ask(connections: &Connections, target: &ConversationTarget) -> Option<ChatProblem> {
    let request = SendRequest {
        run_id: new_message_id(),
        target: target.clone(),
        parameters: PlaygroundParameters { max_tokens: Some(4), ..PlaygroundParameters::default() },
        messages: vec![ConversationMessage {
            id: new_message_id(),
            role: MessageRole::User,
            content: "Hello".into(),
            incomplete: false,
            stopped: false,
            answer: None,
        }],
    };
    let outcome = connections.send_chat(&Runs::default(), request, |_| {}).await;
    if outcome.problem.is_none() {
        assert!(!outcome.message.unwrap().content.is_empty(), "an answer with text");
    }
    outcome.problem
}

#[tokio::test(flavor = "multi_thread")]
async fn a_colleague_chats_only_while_granted_and_cannot_grant_themselves() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let ada = signed_in(&connections, &sim, "Ada").await;
    sim.sign_in_as(COLLEAGUE_UPN).unwrap();
    let grace = signed_in(&connections, &sim, "Grace").await;
    let as_grace = ConversationTarget { profile_id: grace.clone(), ..ada_target(&connections, &ada).await };

    let refused = ask(&connections, &as_grace).await.expect("no role yet");
    assert_eq!(refused.kind, ProblemKind::Forbidden);
    assert_eq!(refused.code.as_deref(), Some("PermissionDenied"));
    assert_eq!(refused.status, Some(401));
    assert!(refused.action.contains("Cognitive Services OpenAI User"), "{}", refused.action);
    let mine = connections.my_access(&grace, &east()).await.unwrap();
    assert_eq!(mine.who.as_deref(), Some(format!("{COLLEAGUE_NAME} ({COLLEAGUE_UPN})").as_str()));
    let inference = mine.checks.iter().find(|c| c.capability == Capability::Inference).unwrap();
    assert!(!inference.allowed);
    assert_eq!(inference.role_to_add.as_deref(), Some("Cognitive Services OpenAI User on this resource"));
    assert!(mine.checks.iter().all(|c| !c.allowed), "no role, nothing allowed: {:?}", mine.checks);
    assert_eq!(mine.keys_accepted, None, "Grace cannot even read the account");

    // Ada finds Grace by the start of her name and grants her OpenAI User.
    let found = connections.find_principals(&ada, "gra").await.unwrap();
    let person =
        found.principals.iter().find(|p| p.detail.as_deref() == Some(COLLEAGUE_UPN)).unwrap().clone();
    assert_eq!((person.kind, person.display_name.as_deref()), (PrincipalKind::User, Some(COLLEAGUE_NAME)));
    let granted = connections.grant_role(&ada, &east(), &person, role_ids::OPENAI_USER).await.unwrap();
    assert_eq!(granted.role.name, "Cognitive Services OpenAI User");
    assert_eq!(granted.principal.display_name.as_deref(), Some(COLLEAGUE_NAME));
    assert!(!granted.scope.inherited);
    let listed = connections.access_report(&ada, &east()).await.unwrap();
    assert!(listed
        .assignments
        .iter()
        .any(|a| a.id == granted.id && a.principal.display_name.as_deref() == Some(COLLEAGUE_NAME)));

    assert!(ask(&connections, &as_grace).await.is_none(), "Grace chats once granted");
    let mine = connections.my_access(&grace, &east()).await.unwrap();
    let allowed: Vec<Capability> = mine.checks.iter().filter(|c| c.allowed).map(|c| c.capability).collect();
    assert_eq!(allowed, [Capability::Inference]);

    // Grace may not hand out roles herself: Azure's 403 names who can.
    let Err(ConnectionError::Azure(e)) =
        connections.grant_role(&grace, &east(), &person, role_ids::OPENAI_CONTRIBUTOR).await
    else {
        panic!("a colleague without Owner granted a role");
    };
    assert_eq!((e.status, e.code.as_deref()), (Some(403), Some("AuthorizationFailed")));
    assert!(e.message.contains("Microsoft.Authorization/roleAssignments/write"), "{}", e.message);
    assert_eq!(e.missing_role, Some("Owner or User Access Administrator"));

    // Granting the same role again is Azure's 409, said as is.
    let Err(ConnectionError::Azure(again)) =
        connections.grant_role(&ada, &east(), &person, role_ids::OPENAI_USER).await
    else {
        panic!("a duplicate grant was accepted");
    };
    assert_eq!(again.code.as_deref(), Some("RoleAssignmentExists"));

    assert!(connections.revoke_role(&ada, &east(), &granted.id).await.unwrap());
    let refused = ask(&connections, &as_grace).await.expect("revoked");
    assert_eq!(refused.code.as_deref(), Some("PermissionDenied"));
    let listed = connections.access_report(&ada, &east()).await.unwrap();
    assert!(!listed.assignments.iter().any(|a| a.id == granted.id));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_access_list_names_everyone_and_marks_inherited_roles() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let ada = signed_in(&connections, &sim, "Ada").await;
    let report = connections.access_report(&ada, &east()).await.unwrap();
    assert!(report.keys_accepted);
    assert_eq!(report.names_note, None);
    let by_name =
        |name: &str| report.assignments.iter().find(|a| a.principal.display_name.as_deref() == Some(name));
    let group = by_name(GROUP_NAME).unwrap();
    assert_eq!((group.principal.kind, group.scope.inherited), (PrincipalKind::Group, false));
    assert_eq!(group.role.name, "Cognitive Services OpenAI User");
    let app = by_name(APP_NAME).unwrap();
    assert_eq!(app.principal.kind, PrincipalKind::ServicePrincipal);
    let katherine =
        report.assignments.iter().find(|a| a.principal.detail.as_deref() == Some(KATHERINE_UPN)).unwrap();
    assert_eq!(
        (katherine.scope.level, katherine.scope.name.as_str()),
        (ScopeLevel::ResourceGroup, GROUP_EAST)
    );
    assert!(katherine.scope.inherited);
    let owner = report.assignments.iter().find(|a| a.role.name == "Owner").unwrap();
    assert_eq!((owner.scope.level, owner.scope.inherited), (ScopeLevel::Subscription, true));
    assert!(owner.role.abilities.view_quota && !owner.role.abilities.inference, "{:?}", owner.role);
    // Direct assignments come first.
    let first_inherited = report.assignments.iter().position(|a| a.scope.inherited).unwrap();
    assert!(report.assignments[..first_inherited].iter().all(|a| !a.scope.inherited));
    assert!(report.assignments[first_inherited..].iter().all(|a| a.scope.inherited));
    let Err(ConnectionError::Input(why)) = connections.revoke_role(&ada, &east(), &owner.id).await else {
        panic!("an inherited role was revoked from the account");
    };
    assert!(why.contains("inherited"), "{why}");

    // When Graph refuses, the same list shows ids, and says why; a pasted object id still works.
    sim.add_faults(vec![Fault { path_prefix: Some("/v1.0/".into()), ..Fault::new(FaultKind::Forbidden) }]);
    let report = connections.access_report(&ada, &east()).await.unwrap();
    assert!(report.assignments.iter().all(|a| a.principal.display_name.is_none()));
    assert!(
        report.names_note.as_deref().unwrap().contains("Authorization_RequestDenied"),
        "{:?}",
        report.names_note
    );
    let search = connections.find_principals(&ada, "grace").await.unwrap();
    assert!(search.principals.is_empty() && search.unavailable.is_some());
    let pasted = connections.find_principals(&ada, &group.principal.id.to_uppercase()).await.unwrap();
    assert_eq!(pasted.principals[0].id, group.principal.id.to_lowercase());
    assert_eq!(pasted.principals[0].kind, PrincipalKind::Unknown);
}

#[tokio::test(flavor = "multi_thread")]
async fn keys_off_stops_a_saved_key_with_its_reason_and_entra_keeps_working() {
    let sim = RunningSim::start_with(SimConfig::fast()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let connections = connections(&dir);
    let ada = signed_in(&connections, &sim, "Ada").await;
    let entra = ada_target(&connections, &ada).await;
    let key = connections.get_keys_from_azure(&ada, &east()).await.unwrap();
    let endpoint = sim.endpoint_for(&entra.endpoint);
    let keyed = connections
        .add_endpoint_profile(NewEndpointProfile {
            name: "Team key".into(),
            endpoint: endpoint.clone(),
            api: ApiStyleChoice::V1,
            deployments: vec![entra.deployment.clone()],
            key: None,
        })
        .unwrap()
        .profile
        .id;
    // The key Ada fetched is saved for the Azure endpoint; the profile reaches the loopback one.
    let keys = foundry_azure::arm::ArmClient::new(
        &foundry_azure::cloud::Cloud::at("sim", &url::Url::parse(&sim.base_url()).unwrap()),
        Arc::new(foundry_azure::token::StaticToken::new("t")),
    )
    .unwrap()
    .list_keys(&east())
    .await
    .unwrap();
    connections.save_key(&endpoint, &keys.key1).unwrap();
    let by_key =
        ConversationTarget { profile_id: keyed.clone(), endpoint: endpoint.clone(), ..entra.clone() };
    assert!(ask(&connections, &by_key).await.is_none(), "the key works while keys are accepted");

    let impact = connections.key_auth_impact(&ada, &east()).await.unwrap();
    assert_eq!(impact.profiles.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Team key"]);
    assert!(impact.saved_keys.contains(&key.endpoint), "{:?} lacks {}", impact.saved_keys, key.endpoint);

    let account = connections.set_key_auth(&ada, &east(), false).await.unwrap();
    assert!(account.key_auth_disabled);
    assert!(!connections.access_report(&ada, &east()).await.unwrap().keys_accepted);
    let refused = ask(&connections, &by_key).await.expect("keys are off");
    assert_eq!((refused.status, refused.code.as_deref()), (Some(401), Some("AuthenticationTypeDisabled")));
    assert_eq!(refused.title, "This resource no longer accepts keys");
    assert!(ask(&connections, &entra).await.is_none(), "Entra sign-in still chats");
    let mine = connections.my_access(&ada, &east()).await.unwrap();
    assert_eq!(mine.keys_accepted, Some(false));

    // The key profile switched to Ada's sign-in chats again; switched back, it waits for keys.
    connections.use_entra_sign_in(&keyed, Some(&ada)).unwrap();
    assert!(ask(&connections, &by_key).await.is_none(), "the profile chats through Entra");
    assert!(connections.key_auth_impact(&ada, &east()).await.unwrap().profiles.is_empty());
    connections.use_entra_sign_in(&keyed, None).unwrap();
    assert!(ask(&connections, &by_key).await.is_some());

    assert!(!connections.set_key_auth(&ada, &east(), true).await.unwrap().key_auth_disabled);
    assert!(ask(&connections, &by_key).await.is_none(), "keys work again");
}
