/** The accounts feature's public surface: other features import only these. */
export { AccountBalances } from './components/AccountBalances';
