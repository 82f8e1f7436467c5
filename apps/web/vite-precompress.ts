import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text the browser downloads; source maps are left alone (the API does not serve them). */
const COMPRESSIBLE = /\.(html|js|css|svg|json|txt)$/;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each text file of the build, at the
 * strongest settings: compressed once here, the API sends the copy the browser accepts
 * (apps/api/src/app/web-app) instead of compressing on every request. A copy that would not be
 * smaller is not written.
 */
export function precompress(): Plugin {
  return {
    name: 'ledgerlens:precompress',
    apply: 'build',
    async writeBundle({ dir }, bundle) {
      if (!dir) throw new Error('precompress needs an output folder');
      const names = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        names.map(async (name) => {
          const path = join(dir, name);
          const content = await readFile(path);
          const copies: [string, Buffer][] = [
            [
              `${path}.br`,
              await brotli(content, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                },
              }),
            ],
            [`${path}.gz`, await gzipped(content, { level: constants.Z_BEST_COMPRESSION })],
          ];
          for (const [copy, compressed] of copies) {
            if (compressed.length < content.length) await writeFile(copy, compressed);
          }
        }),
      );
    },
  };
}
