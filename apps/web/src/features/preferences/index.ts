/** The preferences feature's public surface: the app imports only these. */
export { NotificationSettingsLink } from './components/NotificationSettingsLink';
