import type { SecretStore } from '../../../shared/ports/secret-store';
import type { HandlersFor } from '../ipc/router';
import type { AppInfoService } from './app-info.service';

export type AppChannel = 'app.info' | 'keychain.status';

/** What the status bar and the About box ask: the app, and whether the keychain can be used. */
export function createAppHandlers(services: { appInfo: AppInfoService; secrets: SecretStore }): HandlersFor<AppChannel> {
  return {
    'app.info': () => services.appInfo.info(),
    'keychain.status': () => services.secrets.status(),
  };
}
