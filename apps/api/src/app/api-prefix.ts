export const API_PREFIX = 'api';
export const API_VERSION = '1';
