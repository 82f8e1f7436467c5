import { DEFAULT_PREFERENCES, type FormatLocale } from '@ledgerlens/contracts';
import { create } from 'zustand';

/** How the SPA writes numbers, money and dates: the signed-in user's preferences (issue 20). */
export interface FormatSettings {
  numberLocale: FormatLocale;
  dateLocale: FormatLocale;
  /** IANA time zone moments are shown in. */
  timeZone: string;
}

/** What every user starts with, used until their preferences are loaded. */
export const DEFAULT_FORMAT_SETTINGS: FormatSettings = {
  numberLocale: DEFAULT_PREFERENCES.numberFormat,
  dateLocale: DEFAULT_PREFERENCES.dateFormat,
  timeZone: DEFAULT_PREFERENCES.timeZone,
};

/** The format settings in force; the format helpers read it, components may subscribe. */
export const useFormatSettings = create<FormatSettings>(() => DEFAULT_FORMAT_SETTINGS);

/** The settings the format helpers use now. */
export const formatSettings = (): FormatSettings => useFormatSettings.getState();

/** Formats as `settings` say from now on. */
export const applyFormatSettings = (settings: FormatSettings): void =>
  useFormatSettings.setState(settings, true);

/** Back to the defaults: at sign-out, and before each test. */
export const resetFormatSettings = (): void => applyFormatSettings(DEFAULT_FORMAT_SETTINGS);
