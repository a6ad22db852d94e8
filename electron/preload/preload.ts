import { contextBridge, ipcRenderer } from 'electron';
import { createRoledeckBridge } from './roledeck-bridge';

// The only global the page gets. Sandboxed preload: bundled to one CommonJS file by
// vite.preload.config.ts; 'electron' is the only module it requires at run time.
contextBridge.exposeInMainWorld('roledeck', createRoledeckBridge(ipcRenderer));
