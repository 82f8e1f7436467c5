/** The transactions feature's public surface: other features import only these. */
export { transactionUrl } from './links';
