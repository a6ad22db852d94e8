/**
 * The system clipboard as Roledeck uses it for credentials. Implementations mark what they write
 * as concealed where the OS has a convention for it, so clipboard managers and history skip it.
 */
export interface Clipboard {
  writeConcealed(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}
