/** The contact points feature's public surface: other features import only these. */
export { AlertingLinks } from './components/AlertingLinks';
export { replyCodeText, TYPE_LABELS } from './contact-point-text';
