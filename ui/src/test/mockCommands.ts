import type { InvokeArgs } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import { commands, type CommandError } from "../bindings";
import type { CommandResult } from "../lib/unwrap";

// Each IPC command name with its generated binding: the reply types below come from
// the bindings, so a mock that no longer matches Rust fails `npm run typecheck`.
const bindingsByCommand = {
  app_info: commands.appInfo,
  get_settings: commands.getSettings,
  settings_recovery: commands.settingsRecovery,
  dismiss_settings_recovery: commands.dismissSettingsRecovery,
  test_network: commands.testNetwork,
  save_settings: commands.saveSettings,
  reset_settings_section: commands.resetSettingsSection,
  export_settings: commands.exportSettings,
  preview_settings_import: commands.previewSettingsImport,
  apply_settings_import: commands.applySettingsImport,
  open_app_folder: commands.openAppFolder,
  clear_history: commands.clearHistory,
  remove_all_secrets: commands.removeAllSecrets,
  list_profiles: commands.listProfiles,
  add_endpoint_profile: commands.addEndpointProfile,
  add_account_profile: commands.addAccountProfile,
  rename_profile: commands.renameProfile,
  remove_profile: commands.removeProfile,
  start_device_code: commands.startDeviceCode,
  start_browser_sign_in: commands.startBrowserSignIn,
  finish_sign_in: commands.finishSignIn,
  cancel_sign_in: commands.cancelSignIn,
  sign_out: commands.signOut,
  list_tenants: commands.listTenants,
  choose_tenant: commands.chooseTenant,
  list_subscriptions: commands.listSubscriptions,
  list_accounts: commands.listAccounts,
  get_keys_from_azure: commands.getKeysFromAzure,
  rotate_key: commands.rotateKey,
  save_key: commands.saveKey,
  delete_key: commands.deleteKey,
  check_connection: commands.checkConnection,
  keychain_status: commands.keychainStatus,
  keep_secrets_for_session: commands.keepSecretsForSession,
  find_deployments: commands.findDeployments,
  list_deployment_rows: commands.listDeploymentRows,
  deployment_plan_facts: commands.deploymentPlanFacts,
  review_deployment: commands.reviewDeployment,
  create_deployment: commands.createDeployment,
  delete_deployment: commands.deleteDeployment,
  review_deployment_change: commands.reviewDeploymentChange,
  change_deployment: commands.changeDeployment,
  region_quotas: commands.regionQuotas,
  usage_report: commands.usageReport,
  deployment_price: commands.deploymentPrice,
  answer_price: commands.answerPrice,
  access_report: commands.accessReport,
  find_principals: commands.findPrincipals,
  grant_role: commands.grantRole,
  revoke_role: commands.revokeRole,
  my_access: commands.myAccess,
  key_auth_impact: commands.keyAuthImpact,
  set_key_auth: commands.setKeyAuth,
  use_entra_sign_in: commands.useEntraSignIn,
  open_link: commands.openLink,
  playground_targets: commands.playgroundTargets,
  parameter_rules: commands.parameterRules,
  send_chat: commands.sendChat,
  stop_chat: commands.stopChat,
  simulate_problem: commands.simulateProblem,
  list_conversations: commands.listConversations,
  load_conversation: commands.loadConversation,
  save_conversation: commands.saveConversation,
  rename_conversation: commands.renameConversation,
  delete_conversation: commands.deleteConversation,
  export_conversation: commands.exportConversation,
  list_presets: commands.listPresets,
  save_preset: commands.savePreset,
  delete_preset: commands.deletePreset,
  view_code: commands.viewCode,
  list_all_presets: commands.listAllPresets,
  update_preset: commands.updatePreset,
  duplicate_preset: commands.duplicatePreset,
} satisfies Record<string, (...args: never[]) => Promise<CommandResult<unknown>>>;

type Bindings = typeof bindingsByCommand;
type CommandName = keyof Bindings;
type OkData<F> = F extends (...args: never[]) => Promise<CommandResult<infer T>> ? T : never;

/** A fake reply per command; throw a `CommandError` (see `commandError`) to make it fail. */
export type CommandReplies = {
  [K in CommandName]?: (args: InvokeArgs | undefined) => OkData<Bindings[K]> | Promise<OkData<Bindings[K]>>;
};

export type IpcCall = { cmd: string; args: InvokeArgs | undefined };

function isCommandName(cmd: string): cmd is CommandName {
  return cmd in bindingsByCommand;
}

/**
 * Answers IPC calls from `replies` and records every call. A command without a reply
 * fails loudly, naming it, instead of hanging the test.
 */
export function mockCommands(replies: CommandReplies): IpcCall[] {
  const calls: IpcCall[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    const reply = isCommandName(cmd) ? replies[cmd] : undefined;
    if (!reply) {
      throw new Error(`test did not mock the IPC command "${cmd}"`);
    }
    return reply(args);
  });
  return calls;
}

/** A `CommandError` as Rust serializes it, with the optional fields null unless given. */
export function commandError(
  fields: Pick<CommandError, "kind" | "message"> & Partial<CommandError>,
): CommandError {
  return { code: null, requestId: null, retryAfterSecs: null, missingRole: null, ...fields };
}

/** A promise that never settles: keeps a command "in flight" for loading-state tests. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}
