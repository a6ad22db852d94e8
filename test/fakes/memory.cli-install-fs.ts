import type { CliInstallFs, UserPathStore } from '../../electron/node/cli-install/cli-install.ports';

type Entry = { kind: 'file'; text: string; executable: boolean } | { kind: 'link'; target: string } | { kind: 'dir'; writable: boolean };

/**
 * An in-memory file system for the install service: files, links and folders by full path, in
 * POSIX or Windows spelling (Windows paths are compared without case, as NTFS does).
 */
export class MemoryCliInstallFs implements CliInstallFs {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly windows = false) {}

  private key(file: string): string {
    return this.windows ? file.replaceAll('/', '\\').toLowerCase() : file;
  }

  private parent(file: string): string {
    const at = Math.max(file.lastIndexOf('/'), this.windows ? file.lastIndexOf('\\') : -1);
    return at > 0 ? file.slice(0, at) : '/';
  }

  dir(path: string, writable = true): this {
    this.entries.set(this.key(path), { kind: 'dir', writable });
    return this;
  }

  file(path: string, text = '', executable = true): this {
    this.entries.set(this.key(path), { kind: 'file', text, executable });
    return this;
  }

  link(path: string, target: string): this {
    this.entries.set(this.key(path), { kind: 'link', target });
    return this;
  }

  get(path: string): Entry | undefined {
    return this.entries.get(this.key(path));
  }

  async readLink(file: string): Promise<string | null> {
    const entry = this.get(file);
    return entry?.kind === 'link' ? entry.target : null;
  }

  async exists(file: string): Promise<boolean> {
    return this.get(file) !== undefined;
  }

  async realPath(file: string): Promise<string | null> {
    let current = file;
    for (let hops = 0; hops < 40; hops += 1) {
      const entry = this.get(current);
      if (!entry) return null;
      if (entry.kind !== 'link') return current;
      current = entry.target;
    }
    return null;
  }

  async isExecutable(file: string): Promise<boolean> {
    const real = await this.realPath(file);
    const entry = real === null ? undefined : this.get(real);
    return entry?.kind === 'file' && (this.windows || entry.executable);
  }

  async isWritableDir(dir: string): Promise<boolean> {
    const entry = this.get(dir);
    return entry?.kind === 'dir' && entry.writable;
  }

  async makeDir(dir: string): Promise<void> {
    const entry = this.get(dir);
    if (entry?.kind === 'dir') return;
    if (entry) throw new Error(`EEXIST: ${dir}`);
    const parent = this.parent(dir);
    if (parent !== dir && parent !== '/' && !/^[a-z]:$/i.test(parent)) await this.makeDir(parent);
    const above = this.get(parent);
    if (above?.kind === 'dir' && !above.writable) throw new Error(`EACCES: permission denied, mkdir '${dir}'`);
    this.dir(dir);
  }

  private writableParent(file: string): void {
    const parent = this.get(this.parent(file));
    if (parent?.kind !== 'dir') throw new Error(`ENOENT: ${this.parent(file)}`);
    if (!parent.writable) throw new Error(`EACCES: permission denied, '${file}'`);
  }

  async replaceWithLink(link: string, target: string): Promise<void> {
    this.writableParent(link);
    this.link(link, target);
  }

  async replaceWithText(file: string, text: string): Promise<void> {
    this.writableParent(file);
    this.file(file, text, false);
  }

  async readText(file: string): Promise<string | null> {
    const entry = this.get(file);
    return entry?.kind === 'file' ? entry.text : null;
  }
}

/** The Windows user PATH as a value in memory, with every write recorded. */
export class MemoryUserPath implements UserPathStore {
  readonly writes: string[] = [];

  constructor(public value: string) {}

  async read(): Promise<string> {
    return this.value;
  }

  async write(value: string): Promise<void> {
    this.writes.push(value);
    this.value = value;
  }
}
