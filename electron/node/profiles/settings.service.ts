import type { StoreSettings } from '../../../shared/domain/store-document';
import { profilesThrough } from '../../../shared/logic/profile-chain';
import { checkRoleAllowed } from '../../../shared/logic/role-allow-list';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { EventSink } from '../../../shared/ports/event-sink';
import type { SessionInvalidator } from '../../../shared/ports/session-invalidator';

/** What the window and the CLI may change; the rest of the settings are Roledeck's own bookkeeping. */
export interface SettingsChanges {
  roleNameAllowList?: string[] | undefined;
  preferredShell?: string | undefined;
  clipboardClearSeconds?: number | undefined;
  /** '' goes back to the partition's own endpoint. */
  federationEndpoint?: string | undefined;
  /** One device's MFA process; an empty command removes it. */
  mfaProcess?: { deviceSerial: string; command: string } | undefined;
}

function applyMfaProcess(settings: StoreSettings, change: { deviceSerial: string; command: string }): void {
  const processes = { ...settings.mfaProcesses };
  const command = change.command.trim();
  if (command) processes[change.deviceSerial] = command;
  else delete processes[change.deviceSerial];
  if (Object.keys(processes).length > 0) settings.mfaProcesses = processes;
  else delete settings.mfaProcesses;
}

/**
 * Settings, kept in the profile store beside the profiles (so the CLI sees them). Every change is
 * announced as 'settings.changed', so the window and the tray follow a change made in the other.
 */
export class SettingsService {
  constructor(
    private readonly deps: {
      store: DocumentStore;
      /** A narrowed allow-list makes the cached sessions of roles it no longer accepts go away. */
      sessions: SessionInvalidator;
      events: EventSink;
    },
  ) {}

  async settings(): Promise<StoreSettings> {
    return (await this.deps.store.read()).settings;
  }

  async updateSettings(changes: SettingsChanges): Promise<StoreSettings> {
    const { settings, refused } = await this.deps.store.update((doc) => {
      if (changes.roleNameAllowList) doc.settings.roleNameAllowList = changes.roleNameAllowList;
      if (changes.preferredShell !== undefined) doc.settings.preferredShell = changes.preferredShell;
      if (changes.clipboardClearSeconds !== undefined) doc.settings.clipboardClearSeconds = changes.clipboardClearSeconds;
      if (changes.federationEndpoint === '') delete doc.settings.federationEndpoint;
      else if (changes.federationEndpoint !== undefined) doc.settings.federationEndpoint = changes.federationEndpoint;
      if (changes.mfaProcess) applyMfaProcess(doc.settings, changes.mfaProcess);
      const allowList = doc.settings.roleNameAllowList;
      const outside = changes.roleNameAllowList
        ? doc.profiles.filter((entry) => entry.kind === 'role' && !checkRoleAllowed(entry.roleArn, allowList).ok)
        : [];
      const affected = new Map(outside.flatMap((entry) => profilesThrough(doc.profiles, entry.id)).map((entry) => [entry.id, entry]));
      return { settings: doc.settings, refused: [...affected.values()] };
    });
    // A role the allow-list no longer accepts must not go on being served from a cached session
    // (the CLI's quick credential_process path does not read the store).
    await this.deps.sessions.invalidate(refused);
    this.deps.events.emit('settings.changed', settings);
    return settings;
  }
}
