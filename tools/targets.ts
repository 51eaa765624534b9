/** The two build targets and how each one's manifest differs from the shared source manifest. */
export type Target = 'chrome' | 'firefox';
export const TARGETS: Target[] = ['chrome', 'firefox'];

export const FIREFOX_ID = 'dramatis@dramatis-extension.org';
/** Firefox 140 brought the CSS Custom Highlight API and is the ESR line this build is tested on. */
export const FIREFOX_MIN_VERSION = '140.0';

type Manifest = Record<string, unknown>;

export function manifestFor(target: Target, base: Manifest, version: string): Manifest {
  const m: Manifest = structuredClone(base);
  m.version = version;
  if (target === 'chrome') {
    m.background = { service_worker: 'background.js' };
    m.minimum_chrome_version = '120';
  } else {
    m.background = { scripts: ['background.js'] };
    m.browser_specific_settings = {
      gecko: { id: FIREFOX_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
    };
  }
  return m;
}
