//! The playground's side of the connections: which deployments each profile offers, how to reach one
//! (endpoint, URL form, key or token), sending a question to it, and the Sandbox's simulated problems.

use foundry_azure::arm::AccountRef;
use foundry_azure::inference::request::build;
use foundry_azure::inference::{
    ApiKey, ApiStyle, ChatTarget, InferenceAuth, InferenceClient, InferenceEndpoint, ModelId, ModelRules,
};
use foundry_azure::network::Route;
use foundry_sim::{Fault, FaultKind};
use futures_util::stream::{self, StreamExt};

use super::{ConnectionError, Connections, SignInState};
use crate::conversations::{ConversationMessage, ConversationTarget, PlaygroundParameters};
use crate::endpoint_keys;
use crate::playground::{
    chat_params, failed_outcome, local_problem as local, snippets, stream_answer, CodeSnippet,
    ParameterRules, PlaygroundEvent, PlaygroundTarget, ProblemContext, ProblemKind, ProfileTargets, Runs,
    SendOutcome, SendRequest, SimulatedProblem, SnippetAuth,
};
use crate::profiles::{ApiStyleChoice, Connection, Profile};

/// Accounts whose deployments are listed at once.
const ACCOUNTS_IN_FLIGHT: usize = 8;

/// Whether a deployment answers chat completions: its capabilities say so (embeddings, images,
/// speech and realtime do not); without capabilities, anything but an embedding model is offered.
fn chats(deployment: &foundry_azure::arm::models::Deployment) -> bool {
    let capabilities = &deployment.properties.capabilities;
    match capabilities.get("chatCompletion") {
        Some(value) => value == "true",
        None => capabilities.is_empty() && !deployment.properties.model.name.contains("embedding"),
    }
}

/// A network failure through a proxy names the proxy: it is the likelier culprit, and the setting to
/// check. By `host:port` only.
fn through_proxy(mut outcome: SendOutcome, route: &Route) -> SendOutcome {
    if let (Some(problem), Some(proxy)) = (outcome.problem.as_mut(), route.proxy()) {
        if problem.kind == ProblemKind::Network {
            problem.title = format!("{} through the proxy {proxy}", problem.title);
            problem.action = format!(
                "Check the proxy in Settings → Network (Test connection there says more). {}",
                problem.action
            );
        }
    }
    outcome
}

/// How to reach one deployment.
struct Reach {
    target: ChatTarget,
    auth: InferenceAuth,
    context: ProblemContext,
}

impl Connections {
    /// Every profile's chat deployments (embedding deployments cannot chat and are left out). A
    /// profile that cannot list says why instead of failing the others.
    pub async fn playground_targets(&self) -> Result<Vec<ProfileTargets>, ConnectionError> {
        let mut all = Vec::new();
        for view in self.list()? {
            let profile = view.profile;
            let simulated = matches!(profile.connection, Connection::Sandbox);
            let listed = match &profile.connection {
                Connection::EndpointKey { endpoint, deployments, .. } => {
                    Ok(self.typed_targets(&profile, endpoint, deployments).await)
                }
                _ if !simulated && !matches!(view.sign_in, SignInState::SignedIn | SignInState::AzureCli) => {
                    Err(format!("'{}' is signed out: sign in on the Connections screen.", profile.name))
                }
                _ => self.arm_targets(&profile).await.map_err(|e| e.to_string()),
            };
            let (targets, problem) = match listed {
                Ok(targets) => (targets, None),
                Err(problem) => (Vec::new(), Some(problem)),
            };
            let targets = targets
                .into_iter()
                .map(|target| PlaygroundTarget {
                    rules: ParameterRules::for_model(
                        target.model.as_deref(),
                        target.model_version.as_deref(),
                    ),
                    target,
                    profile_name: profile.name.clone(),
                    simulated,
                })
                .collect();
            all.push(ProfileTargets {
                profile_id: profile.id.clone(),
                profile_name: profile.name.clone(),
                targets,
                problem,
            });
        }
        Ok(all)
    }

    /// An endpoint + key profile's typed names, with their real models when another profile can see
    /// the resource through Resource Manager.
    async fn typed_targets(
        &self,
        profile: &Profile,
        endpoint: &str,
        names: &[String],
    ) -> Vec<ConversationTarget> {
        let found = self.find_deployments(endpoint).await.ok().flatten();
        names
            .iter()
            .map(|name| {
                let model = found.as_ref().and_then(|f| f.deployments.iter().find(|d| &d.name == name));
                ConversationTarget {
                    profile_id: profile.id.clone(),
                    deployment: name.clone(),
                    endpoint: endpoint.to_string(),
                    account: found.as_ref().map(|f| f.account.clone()),
                    model: model.map(|m| m.model.clone()),
                    model_version: model.and_then(|m| m.model_version.clone()),
                }
            })
            .collect()
    }

    /// The chat deployments of every resource the profile sees.
    async fn arm_targets(&self, profile: &Profile) -> Result<Vec<ConversationTarget>, ConnectionError> {
        let arm = self.arm(profile).await?;
        let subscriptions = arm.list_subscriptions().await.map_err(|e| self.azure(profile, e))?;
        let ids: Vec<String> = subscriptions.into_iter().map(|s| s.subscription_id).collect();
        let mut accounts = Vec::new();
        for listed in crate::inventory::accounts_in(&arm, &ids, crate::inventory::DEFAULT_IN_FLIGHT).await {
            accounts.extend(listed.accounts.unwrap_or_default());
        }
        let arm = &arm;
        let per_account: Vec<Vec<ConversationTarget>> = stream::iter(accounts)
            .map(|account| async move {
                let (Some(at), Some(endpoint)) =
                    (AccountRef::from_id(&account.id), account.properties.endpoint)
                else {
                    return Vec::new();
                };
                // One resource that cannot be read leaves the others listed.
                let deployments = arm.list_deployments(&at).await.unwrap_or_default();
                deployments
                    .into_iter()
                    .filter(chats)
                    .map(|d| ConversationTarget {
                        profile_id: profile.id.clone(),
                        deployment: d.name,
                        endpoint: endpoint.clone(),
                        account: Some(account.name.clone()),
                        model: Some(d.properties.model.name),
                        model_version: d.properties.model.version,
                    })
                    .collect()
            })
            .buffered(ACCOUNTS_IN_FLIGHT)
            .collect()
            .await;
        Ok(per_account.into_iter().flatten().collect())
    }

    /// Where and how to send a question to `target`.
    async fn reach(&self, target: &ConversationTarget) -> Result<Reach, crate::playground::ChatProblem> {
        let profile = self.profile(&target.profile_id).map_err(|e| {
            local(ProblemKind::Other, e.to_string(), "Pick another deployment: this profile was removed.")
        })?;
        let (endpoint, style, auth, uses_key) = match &profile.connection {
            Connection::EndpointKey { endpoint, api, sign_in_with: Some(through), .. } => {
                if !super::access::entra_may_reach(endpoint) {
                    return Err(local(
                        ProblemKind::Other,
                        format!("{endpoint} is not an Azure AI endpoint: your sign-in is not sent there"),
                        "Switch this profile back to its key on the Connections screen.",
                    ));
                }
                let tokens = self.profile(through).and_then(|p| self.tokens(&p)).map_err(|e| {
                    local(
                        ProblemKind::SignInRequired,
                        e.to_string(),
                        "Sign in with the profile this endpoint uses on the Connections screen, then send again.",
                    )
                })?;
                (endpoint.clone(), api_style(api), InferenceAuth::Token(tokens), false)
            }
            Connection::EndpointKey { endpoint, api, .. } => {
                let key = endpoint_keys::load(self.secrets.as_ref(), endpoint).map_err(|e| {
                    local(ProblemKind::NoKey, e.to_string(), "Unlock the keychain, then send again.")
                })?;
                let Some(key) = key else {
                    return Err(local(
                        ProblemKind::NoKey,
                        format!("No key is saved for {endpoint}"),
                        "Paste one of the resource's keys on the Connections screen, then send again.",
                    ));
                };
                (endpoint.clone(), api_style(api), InferenceAuth::ApiKey(ApiKey::new(key.expose())), true)
            }
            _ => {
                let reachable = self.reachable_endpoint(&profile, &target.endpoint).await;
                let tokens = self.tokens(&profile);
                let (endpoint, tokens) = match (reachable, tokens) {
                    (Ok(endpoint), Ok(tokens)) => (endpoint, tokens),
                    (Err(ConnectionError::SignInRequired(name)), _)
                    | (_, Err(ConnectionError::SignInRequired(name))) => {
                        return Err(local(
                            ProblemKind::SignInRequired,
                            format!("'{name}' needs you to sign in again"),
                            "Sign in on the Connections screen, then send again.",
                        ))
                    }
                    (Err(e), _) | (_, Err(e)) => {
                        return Err(local(
                            ProblemKind::Other,
                            e.to_string(),
                            "Check the profile on Connections.",
                        ))
                    }
                };
                (endpoint, ApiStyle::default(), InferenceAuth::Token(tokens), false)
            }
        };
        let parsed = InferenceEndpoint::parse(&endpoint).map_err(|e| {
            local(ProblemKind::Other, e.message, "Fix the profile's endpoint on the Connections screen.")
        })?;
        let model = target
            .model
            .as_ref()
            .map(|name| ModelId { name: name.clone(), version: target.model_version.clone() });
        Ok(Reach {
            target: ChatTarget { endpoint: parsed, style, deployment: target.deployment.clone(), model },
            auth,
            context: ProblemContext {
                deployment: target.deployment.clone(),
                endpoint: target.endpoint.clone(),
                uses_key,
            },
        })
    }

    /// Sends the question that ends `request.messages`, streaming what arrives to `sink`.
    pub async fn send_chat(
        &self,
        runs: &Runs,
        request: SendRequest,
        sink: impl FnMut(PlaygroundEvent),
    ) -> SendOutcome {
        let run = runs.start(&request.run_id);
        let reach = match self.reach(&request.target).await {
            Ok(reach) => reach,
            Err(problem) => return SendOutcome { message: None, problem: Some(problem), stopped: false },
        };
        // One HTTP client for every answer (connections and TLS sessions are reused), from the network
        // settings in effect now: a settings change later leaves this answer on the client it started with.
        let network = self.network();
        let http = match network.inference_http() {
            Ok(http) => http,
            Err(e) => return failed_outcome(&e, &reach.context),
        };
        let mut client = InferenceClient::new(http, reach.auth);
        client.options = network.inference_options();
        // A 429 goes back to the person with its countdown: they decide when to resend.
        client.options.max_attempts = 1;
        let params = chat_params(&request.parameters, &request.messages);
        let outcome = stream_answer(&client, &reach.target, &params, &run.cancel, &reach.context, sink).await;
        let route = url::Url::parse(reach.target.endpoint.as_str())
            .map_or(Route::Direct, |url| network.options().proxy.route(&url));
        through_proxy(outcome, &route)
    }

    /// The conversation and parameters as code to run elsewhere: the exact body this app would send,
    /// for the profile's URL form, the key or token read from an environment variable.
    pub fn view_code(
        &self,
        target: &ConversationTarget,
        parameters: &PlaygroundParameters,
        messages: &[ConversationMessage],
    ) -> Result<Vec<CodeSnippet>, ConnectionError> {
        let profile = self.profile(&target.profile_id)?;
        let (style, auth) = match &profile.connection {
            Connection::EndpointKey { api: ApiStyleChoice::Classic { api_version }, .. } => {
                (ApiStyle::Classic { api_version: api_version.clone() }, SnippetAuth::ApiKey)
            }
            Connection::EndpointKey { .. } => (ApiStyle::default(), SnippetAuth::ApiKey),
            Connection::AzureAccount { .. } => (ApiStyle::default(), SnippetAuth::EntraId),
            // The Sandbox plays resources that people reach with a key elsewhere.
            Connection::Sandbox => (ApiStyle::default(), SnippetAuth::ApiKey),
        };
        let rules = match &target.model {
            Some(model) => ModelRules::for_model(model, target.model_version.as_deref()),
            None => ModelRules::unknown(),
        };
        let label = target.model.clone().unwrap_or_else(|| target.deployment.clone());
        let in_body = style.names_deployment_in_body().then_some(target.deployment.as_str());
        let built = build(&chat_params(parameters, messages), &rules, &label, in_body, true);
        Ok(snippets(&target.endpoint, &target.deployment, &style, auth, &built.body))
    }

    /// Makes the Sandbox produce `problem` on the next answer of `target`'s resource.
    pub async fn simulate(
        &self,
        target: &ConversationTarget,
        problem: SimulatedProblem,
    ) -> Result<(), ConnectionError> {
        let profile = self.profile(&target.profile_id)?;
        if !matches!(profile.connection, Connection::Sandbox) {
            return Err(ConnectionError::WrongKind("only the Sandbox can simulate problems".into()));
        }
        let reachable = self.reachable_endpoint(&profile, &target.endpoint).await?;
        // Only this resource's inference requests: its path on the simulator starts with its host.
        let path = url::Url::parse(&reachable)
            .map(|u| u.path().trim_end_matches('/').to_string())
            .map_err(|e| ConnectionError::Input(format!("Sandbox address: {e}")))?;
        let mut fault = Fault::new(match problem {
            SimulatedProblem::RateLimit => FaultKind::Throttle,
            SimulatedProblem::PromptFiltered => FaultKind::ContentFilterPrompt,
            SimulatedProblem::AnswerFiltered => FaultKind::ContentFilterCompletion,
            SimulatedProblem::CutStream => FaultKind::CutStream,
            SimulatedProblem::SlowAnswer => FaultKind::SlowStream,
        });
        fault.count = Some(1);
        fault.path_prefix = Some(path);
        fault.method = Some("POST".into());
        match problem {
            SimulatedProblem::RateLimit => fault.retry_after = Some(12),
            SimulatedProblem::AnswerFiltered | SimulatedProblem::CutStream => fault.after = Some(12),
            SimulatedProblem::SlowAnswer => fault.delay_ms = Some(150),
            SimulatedProblem::PromptFiltered => fault.category = Some("violence".into()),
        }
        self.sandbox.add_faults(vec![fault]).await
    }
}

/// The wire form an endpoint + key profile chose.
fn api_style(api: &ApiStyleChoice) -> ApiStyle {
    match api {
        ApiStyleChoice::V1 => ApiStyle::V1 { api_version: None },
        ApiStyleChoice::Classic { api_version } => ApiStyle::Classic { api_version: api_version.clone() },
    }
}
