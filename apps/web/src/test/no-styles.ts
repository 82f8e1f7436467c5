// Stylesheets have no meaning in jsdom (see jest.config.ts).
export {};
