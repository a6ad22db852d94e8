import { z } from 'zod';

/**
 * Where the `roledeck` command the desktop app carries stands, as Settings shows it:
 * - unavailable: this build carries no CLI (a development build, the browser preview);
 * - not-installed: nothing of ours is on PATH yet; Install puts it there;
 * - installed: a new terminal runs this app's CLI for `roledeck`;
 * - not-on-path: installed, but the folder is not on a terminal's PATH;
 * - shadowed: a terminal finds another `roledeck` first (an npm install, an older copy).
 */
export const CliInstallStateSchema = z.enum(['unavailable', 'not-installed', 'installed', 'not-on-path', 'shadowed']);
export type CliInstallState = z.infer<typeof CliInstallStateSchema>;

export const CliInstallStatusSchema = z.object({
  state: CliInstallStateSchema,
  /** The executable inside the app; null when this build has none. */
  bundled: z.string().nullable(),
  /** Our link (macOS, Linux) or .cmd shim (Windows), when one is there. */
  installedAt: z.string().nullable(),
  /** Where Install puts (or would put) the link or shim. */
  target: z.string().nullable(),
  /** What a new terminal runs for `roledeck`, found the way the shell finds it; null: nothing. */
  terminalFinds: z.string().nullable(),
  /** One or two sentences: what this means and what to do next; empty when all is well. */
  advice: z.string(),
});
export type CliInstallStatus = z.infer<typeof CliInstallStatusSchema>;
