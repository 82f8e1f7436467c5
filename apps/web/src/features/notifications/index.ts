/** The notifications feature's public surface: the app imports only these. */
export { NotificationBell } from './components/NotificationBell';
