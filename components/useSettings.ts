/**
 * Settings as a zustand store for one context (popup, options page, a content script). Storage stays the
 * single source of truth: the store loads it once and follows every change with `watch`.
 */
import { create } from 'zustand';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '@/lib/settings';

interface SettingsStore {
  settings: Settings;
  loaded: boolean;
}

export const useSettings = create<SettingsStore>(() => ({ settings: DEFAULT_SETTINGS, loaded: false }));

let following: Promise<void> | null = null;

/** Starts following storage (idempotent); returns when the first value is in. */
export function followSettings(): Promise<void> {
  following ??= settingsItem.getValue().then((settings) => {
    useSettings.setState({ settings, loaded: true });
    settingsItem.watch((next) => useSettings.setState({ settings: next ?? DEFAULT_SETTINGS }));
  });
  return following;
}
