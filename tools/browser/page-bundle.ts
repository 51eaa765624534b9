/**
 * A module of the product bundled as a script for an extension page, so an end-to-end test can
 * drive the product's own code path (not a copy of it) in the real browser: evaluate the returned
 * source in the page, then call `globalThis[globalName].fn(...)`. Evaluating it twice is harmless.
 */
import * as esbuild from 'esbuild';
import { ROOT } from '../paths';

export async function pageBundle(entry: string, globalName: string): Promise<string> {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    write: false,
    target: ['chrome120', 'firefox140'],
    logLevel: 'warning',
  });
  // Wrapped so the module lands on globalThis however the driver evaluates a script (CDP or BiDi).
  return `globalThis.${globalName} ??= (function () {\n${result.outputFiles[0]!.text}\nreturn ${globalName};\n})(); 0`;
}
