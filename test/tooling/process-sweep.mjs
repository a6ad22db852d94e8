// Finds and ends the processes a test run started and left behind (moto_server, gnome-keyring-daemon,
// dbus-daemon, Chromium ...). The suite runner puts a random marker into its environment; every
// process the run starts inherits it, and /proc/<pid>/environ still shows it after the process was
// orphaned, daemonized or moved to its own process group. Chromium's helpers rewrite their environ
// block, so the descendants of a marked process count too. Linux only: elsewhere nothing is checked.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export const RUN_MARKER_ENV = 'ROLEDECK_TEST_RUN';

export function newRunMarker() {
  return randomBytes(9).toString('base64url');
}

export function canInspectProcesses() {
  return existsSync('/proc/self/environ');
}

function readProcess(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
    const close = stat.lastIndexOf(')');
    const command = stat.slice(stat.indexOf('(') + 1, close);
    const [state, ppid, pgid] = stat.slice(close + 2).split(' ');
    return { pid, ppid: Number(ppid), pgid: Number(pgid), state, command };
  } catch {
    return null;
  }
}

function hasMarker(pid, entry) {
  try {
    return readFileSync(`/proc/${pid}/environ`).toString('latin1').split('\0').includes(entry);
  } catch {
    return false; // gone, or another user's
  }
}

/** Every live process: pid, ppid, pgid, state and command name. */
export function listProcesses() {
  if (!canInspectProcesses()) return [];
  const processes = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProcess(Number(name));
    if (info && info.state !== 'Z') processes.push(info);
  }
  return processes;
}

/** This process and everything above it: they carry the marker too, and are not leftovers. */
function selfAndAncestors(processes) {
  const byPid = new Map(processes.map((info) => [info.pid, info]));
  const chain = new Set();
  for (let pid = process.pid; pid > 1 && !chain.has(pid); pid = byPid.get(pid)?.ppid ?? 0) chain.add(pid);
  return chain;
}

/**
 * The processes carrying `marker` in their environment, and their descendants, except this
 * process and its ancestors.
 */
export function findMarked(marker, { env = RUN_MARKER_ENV } = {}) {
  const processes = listProcesses();
  const excluded = selfAndAncestors(processes);
  const entry = `${env}=${marker}`;
  const found = new Map();
  for (const info of processes) {
    if (!excluded.has(info.pid) && hasMarker(info.pid, entry)) found.set(info.pid, info);
  }
  // Descendants, to any depth (a zygote's renderers).
  for (let grew = true; grew; ) {
    grew = false;
    for (const info of processes) {
      if (!found.has(info.pid) && !excluded.has(info.pid) && found.has(info.ppid)) {
        found.set(info.pid, info);
        grew = true;
      }
    }
  }
  return [...found.values()].sort((a, b) => a.pid - b.pid);
}

function alive(pid) {
  const info = readProcess(pid);
  return info !== null && info.state !== 'Z';
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * Waits up to `graceMs` for the marked processes to end by themselves (a daemon notices its bus
 * closed a moment after the tier ends), then reports what is still there as leftovers and ends them:
 * SIGTERM, then SIGKILL after `termMs`. Resolves with the leftovers as they were found.
 */
export async function sweepMarked(marker, { graceMs = 3000, termMs = 2000, env = RUN_MARKER_ENV } = {}) {
  if (!canInspectProcesses()) return { checked: false, leftovers: [], survivors: [] };
  const deadline = Date.now() + graceMs;
  let leftovers = findMarked(marker, { env });
  while (leftovers.length > 0 && Date.now() < deadline) {
    await sleep(100);
    leftovers = findMarked(marker, { env });
  }
  for (const info of leftovers) signal(info.pid, 'SIGTERM');
  const termDeadline = Date.now() + termMs;
  while (leftovers.some((info) => alive(info.pid)) && Date.now() < termDeadline) await sleep(50);
  for (const info of leftovers) if (alive(info.pid)) signal(info.pid, 'SIGKILL');
  await sleep(leftovers.length > 0 ? 100 : 0);
  const survivors = leftovers.filter((info) => alive(info.pid));
  return { checked: true, leftovers, survivors };
}

/** `cleanup: 0 leftover processes`, or the count and what they were. */
export function describeSweep({ checked, leftovers, survivors }) {
  if (!checked) return ['cleanup: not checked (no /proc on this system)'];
  const lines = [`cleanup: ${leftovers.length} leftover process${leftovers.length === 1 ? '' : 'es'}`];
  for (const info of leftovers) lines.push(`  left running: pid ${info.pid} ${info.command}${survivors.includes(info) ? ' (could not be ended)' : ' (ended now)'}`);
  return lines;
}
