import type { HandlersFor } from '../ipc/router';
import type { AwsImportService } from './aws-import.service';
import type { PlaintextKeysService } from './plaintext-keys.service';
import type { ProfileService } from './profile.service';
import type { SettingsService } from './settings.service';

export type ProfileChannel =
  | 'profiles.list'
  | 'profiles.addUser'
  | 'profiles.addRole'
  | 'profiles.updateUser'
  | 'profiles.updateRole'
  | 'profiles.remove'
  | 'profiles.importPreview'
  | 'profiles.importApply'
  | 'profiles.plaintextKeys'
  | 'profiles.removePlaintextKeys'
  | 'settings.get'
  | 'settings.update';

/** The profiles' and settings' channels. */
export function createProfileHandlers(services: {
  profiles: ProfileService;
  awsImport: AwsImportService;
  plaintextKeys: PlaintextKeysService;
  settings: SettingsService;
}): HandlersFor<ProfileChannel> {
  const { profiles, awsImport, plaintextKeys, settings } = services;
  return {
    'profiles.list': async () => ({ profiles: await profiles.list() }),
    'profiles.addUser': (input) => profiles.addUser(input),
    'profiles.addRole': (input) => profiles.addRole(input),
    'profiles.updateUser': (input) => profiles.updateUser(input),
    'profiles.updateRole': (input) => profiles.updateRole(input),
    'profiles.remove': async ({ name }) => {
      await profiles.remove(name);
      return { removed: true as const };
    },
    'profiles.importPreview': ({ moveKeys }) => awsImport.previewImport(moveKeys),
    'profiles.importApply': ({ moveKeys }) => awsImport.applyImport(moveKeys),
    'profiles.plaintextKeys': () => plaintextKeys.preview(),
    'profiles.removePlaintextKeys': ({ awsProfiles }) => plaintextKeys.remove(awsProfiles),
    'settings.get': () => settings.settings(),
    'settings.update': (changes) => settings.updateSettings(changes),
  };
}
