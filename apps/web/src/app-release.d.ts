/** The web app's release, defined at build time by Vite (see vite.config.ts) and by Jest. */
declare const __APP_RELEASE__: string;
