import type { RoledeckBridge } from '../../../shared/contract';
import { createApi, type Api } from './client';

export { ApiError, createApi, type Api } from './client';
export { failedRemote, useRemote, type Remote, type RemoteHandle } from './use-remote';
export { RemoteView } from './RemoteView';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or injected by the browser test host; never ipcRenderer. */
    roledeck?: RoledeckBridge;
  }
}

let cached: Api | undefined;

/** The one way the renderer talks to the main side. */
export function getApi(): Api {
  if (!cached) {
    if (!window.roledeck) throw new Error('Roledeck bridge missing: the page was not loaded by Roledeck.');
    cached = createApi(window.roledeck);
  }
  return cached;
}
