/** The configuration's entry for code outside the API (the benchmarks). */
export { AppConfig, loadConfig } from './app-config';
