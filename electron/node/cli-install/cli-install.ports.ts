/** What the install service needs from the file system; Node's in node-cli-install.fs.ts, a fake in tests. */
export interface CliInstallFs {
  /** The link's target when `file` is a symbolic link; null when it is something else or absent. */
  readLink(file: string): Promise<string | null>;
  /** Whether anything (a file, a link, even a broken one) is at `file`. */
  exists(file: string): Promise<boolean>;
  /** The path with every link resolved; null when it does not resolve (absent, a broken link). */
  realPath(file: string): Promise<string | null>;
  /** A file this user may run (on Windows: any file; there is no execute bit). */
  isExecutable(file: string): Promise<boolean>;
  /** An existing folder this user may create files in. */
  isWritableDir(dir: string): Promise<boolean>;
  makeDir(dir: string): Promise<void>;
  /** Creates (or replaces) a symbolic link at `link` pointing at `target`, atomically. */
  replaceWithLink(link: string, target: string): Promise<void>;
  /** Writes (or replaces) a small text file atomically. */
  replaceWithText(file: string, text: string): Promise<void>;
  readText(file: string): Promise<string | null>;
}

/** The user's own PATH (Windows: HKCU\Environment), which terminals opened later start with. */
export interface UserPathStore {
  read(): Promise<string>;
  /** Saves it and tells running programs (Explorer, new terminals) that it changed. */
  write(value: string): Promise<void>;
}

export interface CliInstallPorts {
  platform: NodeJS.Platform;
  home: string;
  env: NodeJS.ProcessEnv;
  /** The `roledeck` executable inside the app (resources/cli); null when this build has none. */
  bundledCli: string | null;
  fs: CliInstallFs;
  /** The PATH a new terminal gets (the login shell's on macOS and Linux), for the "would a terminal find it" check. */
  terminalPath(): Promise<string>;
  /** Windows only: the user's PATH in the registry. */
  userPath?: UserPathStore;
}
