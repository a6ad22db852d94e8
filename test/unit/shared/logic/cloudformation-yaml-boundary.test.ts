import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const shared = path.resolve(import.meta.dirname, '../../../../shared');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((match) => match[1]!);
}

/** Whether `file` imports `yaml`, directly or through other shared/ files. */
function reachesYaml(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  return imports(file).some((spec) => {
    if (spec === 'yaml' || spec.startsWith('yaml/')) return true;
    if (!spec.startsWith('.')) return false;
    const target = path.resolve(path.dirname(file), spec);
    // A folder import ('../contract') means its index.ts.
    const resolved = target.endsWith('.ts') ? target : existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts');
    return reachesYaml(resolved, seen);
  });
}

describe('the yaml package stays out of what the renderer imports', () => {
  it('is reached only through the template reader, so every other shared/ file stays yaml-free', () => {
    const reaching = sourceFiles(shared)
      .filter((file) => reachesYaml(file))
      .map((file) => path.relative(shared, file))
      .sort();
    expect(reaching).toEqual(['logic/cloudformation-template.ts', 'logic/cloudformation-yaml.ts']);
  });
});
