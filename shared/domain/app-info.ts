import { z } from 'zod';

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['linux', 'darwin', 'win32', 'other']),
  /** Which host runs the main-side services: the Electron app or a plain Node process (CLI, test host). */
  runtime: z.object({ kind: z.enum(['electron', 'node']), version: z.string() }),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
