/** The preferences feature's public surface: the app imports only these. */
export { NotificationSettingsLink } from './components/NotificationSettingsLink';
export { useFormatPreferences } from './use-format-preferences';
