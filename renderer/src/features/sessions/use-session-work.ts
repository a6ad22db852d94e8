import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../../../shared/logic/shell-export';
import { ApiError, getApi } from '../../api';
import { copyFailedText, DEFAULT_EXPORT_FORMAT, preferredFormat, type CopyResult } from '../../../../shared/logic/export-format';
import { messageOf } from '../../../../shared/logic/error-message';

/**
 * What the last copy of a session came to, shown under its actions until the next one. A copy
 * keeps its result, not a sentence: the sentence follows the clock (cleared, expired).
 */
export type CopyNote =
  | { kind: 'copied'; result: CopyResult }
  | { kind: 'failed'; text: string }
  /** Nothing was copied because no clipboard can be reached: the reason, and the way out. */
  | { kind: 'no-clipboard'; reason: string; format: ExportFormat };

export interface InstallTarget {
  profileId: string;
  profileName: string;
}

export interface SessionWork {
  /** The format the Copy button uses: settings.preferredShell, else bash. */
  preferred: ExportFormat;
  /** Profiles whose copy is running (it may be waiting on an MFA prompt). */
  copying: ReadonlySet<string>;
  notes: Readonly<Record<string, CopyNote>>;
  copy: (profileId: string, profileName: string, format: ExportFormat) => void;
  /** The session whose export is shown to copy by hand (no clipboard here), and in which format. */
  revealing: (InstallTarget & { format: ExportFormat }) | null;
  reveal: (target: InstallTarget & { format: ExportFormat }) => void;
  closeReveal: () => void;
  /** The session the "Install as AWS CLI profile" dialog is open for. */
  installing: InstallTarget | null;
  openInstall: (target: InstallTarget) => void;
  closeInstall: () => void;
}

/**
 * Puts sessions to work: copy an export, install a CLI profile. The main side formats the export
 * and writes the clipboard itself, so what comes back here is only the format and when the
 * clipboard will be cleared — no credential ever passes through this hook or its state.
 */
export function useSessionWork(): SessionWork {
  const [preferred, setPreferred] = useState<ExportFormat>(DEFAULT_EXPORT_FORMAT);
  const [copying, setCopying] = useState<ReadonlySet<string>>(new Set());
  const [notes, setNotes] = useState<Record<string, CopyNote>>({});
  const [installing, setInstalling] = useState<InstallTarget | null>(null);
  const [revealing, setRevealing] = useState<(InstallTarget & { format: ExportFormat }) | null>(null);
  const live = useRef(true);

  const loadPreferred = useCallback(async () => {
    try {
      const settings = await getApi().settings.get();
      if (live.current) setPreferred(preferredFormat(settings));
    } catch {
      // Copy still works in bash; the Settings section reports why settings cannot be read.
    }
  }, []);

  useEffect(() => {
    live.current = true;
    void loadPreferred();
    // A copy from the tray (or a change in Settings) remembers another format: follow it.
    const unsubscribe = getApi().on('settings.changed', (settings) => {
      if (live.current) setPreferred(preferredFormat(settings));
    });
    return () => {
      live.current = false;
      unsubscribe();
    };
  }, [loadPreferred]);

  const copy = useCallback(
    (profileId: string, profileName: string, format: ExportFormat) => {
      setCopying((current) => new Set(current).add(profileId));
      setNotes(({ [profileId]: _previous, ...rest }) => rest);
      void (async () => {
        let note: CopyNote;
        try {
          const result = await getApi().sessions.copyExport({ profileId, format });
          note = { kind: 'copied', result };
          // The main side remembers the format as the preferred one (settings.changed follows).
          if (live.current) setPreferred(result.format);
        } catch (error) {
          // A cancelled MFA prompt is the user's own choice: the main side's words say it all.
          const code = error instanceof ApiError ? error.code : undefined;
          note =
            code === 'CLIPBOARD_UNAVAILABLE'
              ? { kind: 'no-clipboard', reason: messageOf(error), format }
              : { kind: 'failed', text: code === 'MFA_CANCELLED' ? messageOf(error) : copyFailedText(profileName, format, messageOf(error)) };
        }
        if (!live.current) return;
        setCopying((current) => {
          const next = new Set(current);
          next.delete(profileId);
          return next;
        });
        setNotes((current) => ({ ...current, [profileId]: note }));
      })();
    },
    [loadPreferred],
  );

  const openInstall = useCallback((target: InstallTarget) => setInstalling(target), []);
  const closeInstall = useCallback(() => setInstalling(null), []);
  const reveal = useCallback((target: InstallTarget & { format: ExportFormat }) => setRevealing(target), []);
  const closeReveal = useCallback(() => setRevealing(null), []);

  return { preferred, copying, notes, copy, revealing, reveal, closeReveal, installing, openInstall, closeInstall };
}
