// jsdom lacks the Fetch API; the SPA's client (openapi-fetch) builds Request objects. Hand the
// page Node's own fetch classes so tests can answer with real Response objects.
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, {
      fetch,
      Request,
      Response,
      Headers,
      FormData,
      Blob,
      ReadableStream,
      TextEncoder,
      TextDecoder,
      AbortController,
      AbortSignal,
      structuredClone,
    });
  }
}

module.exports = JsdomWithFetchEnvironment;
