// Evaluated first (main.ts imports it before anything else): below the Node the CLI is built and
// tested for, stop with one sentence instead of failing later in a confusing way, or letting the
// AWS SDK print its multi-line NodeVersionSupportWarning into a user's terminal or an AWS CLI
// credential_process error. No imports: this runs on every credential_process call.

/** The oldest Node the CLI supports; package.json `engines` says the same. */
export const MINIMUM_NODE = [22, 12] as const;

export function nodeVersionProblem(version: string): string | null {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = MINIMUM_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return (
    `roledeck needs Node ${needMajor}.${needMinor} or newer, and this is Node ${version.replace(/^v/, '')}. ` +
    'Install a current Node (https://nodejs.org), or use the roledeck command the desktop app installs.\n'
  );
}

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(problem);
  process.exit(2);
}
