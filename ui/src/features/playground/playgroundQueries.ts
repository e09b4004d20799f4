import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  commands,
  type Conversation,
  type ConversationTarget,
  type ExportFormat,
  type PlaygroundParameters,
} from "../../bindings";
import { unwrap } from "../../lib/unwrap";

export const targetsKey = ["playgroundTargets"] as const;
export const conversationsKey = ["conversations"] as const;

function presetsKey(target: ConversationTarget) {
  return ["presets", target.profileId, target.endpoint ?? "", target.deployment ?? ""] as const;
}

/** Every profile's chat deployments (profiles that cannot list say why). */
export function useTargets() {
  return useQuery({
    queryKey: targetsKey,
    queryFn: () => unwrap(commands.playgroundTargets()),
    staleTime: 60_000,
  });
}

/** Saved conversations, newest first; those matching `query` when it is not blank. */
export function useConversations(query: string) {
  return useQuery({
    queryKey: [...conversationsKey, query.trim()],
    queryFn: () => unwrap(commands.listConversations(query)),
    placeholderData: (previous) => previous,
  });
}

/** Saves a conversation and refreshes the history list. */
export function useSaveConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conversation: Conversation) => unwrap(commands.saveConversation(conversation)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationsKey }),
  });
}

export function useRenameConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) =>
      unwrap(commands.renameConversation(id, title)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationsKey }),
  });
}

export function useDeleteConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(commands.deleteConversation(id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationsKey }),
  });
}

/** Writes a conversation to the Downloads folder; resolves to the file's path. */
export function useExportConversation() {
  return useMutation({
    mutationFn: ({ id, format }: { id: string; format: ExportFormat }) =>
      unwrap(commands.exportConversation(id, format)),
  });
}

export function usePresets(target: ConversationTarget | null) {
  return useQuery({
    queryKey: target === null ? ["presets", "none"] : presetsKey(target),
    queryFn: () => (target === null ? Promise.resolve([]) : unwrap(commands.listPresets(target))),
    enabled: target !== null,
  });
}

export function useSavePreset(target: ConversationTarget | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, parameters }: { name: string; parameters: PlaygroundParameters }) => {
      if (target === null) throw new Error("no deployment chosen");
      return unwrap(commands.savePreset(target, name, parameters));
    },
    onSuccess: () =>
      target === null ? undefined : queryClient.invalidateQueries({ queryKey: presetsKey(target) }),
  });
}

export function useDeletePreset(target: ConversationTarget | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(commands.deletePreset(id)),
    onSuccess: () =>
      target === null ? undefined : queryClient.invalidateQueries({ queryKey: presetsKey(target) }),
  });
}
