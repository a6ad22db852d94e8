import type { AppInfo } from '../../../shared/domain/app-info';

export interface RuntimeDescription {
  name: string;
  version: string;
  platform: NodeJS.Platform;
  runtime: AppInfo['runtime'];
}

/** What the About box and the status bar show. */
export class AppInfoService {
  constructor(private readonly runtime: RuntimeDescription) {}

  info(): AppInfo {
    const { platform } = this.runtime;
    return {
      name: this.runtime.name,
      version: this.runtime.version,
      platform: platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other',
      runtime: this.runtime.runtime,
    };
  }
}
