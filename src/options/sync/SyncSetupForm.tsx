/** Setting sync up: server, account, passphrase; "Test connection" and "Turn on sync", each saying exactly what is wrong. */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { SyncAccount, SyncCheck } from '../../core/protocol/messages';
import { normalizeServerUrl, originPattern } from '../../core/sync/url';
import { t } from '../../shared/i18n';
import { send } from '../../shared/messaging';
import { problemText } from './sync-text';

export interface SyncSetupFormProps {
  onEnabled: () => void;
}

/** A default name for this device in conflict copies ("Firefox on Linux"), which the reader may change. */
function guessDeviceName(): string {
  const ua = navigator.userAgent;
  const browserName = /Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : /Chrom(e|ium)\//.test(ua) ? 'Chromium' : 'Browser';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Mac OS/.test(ua)
      ? 'macOS'
      : /Android/.test(ua)
        ? 'Android'
        : /Linux/.test(ua)
          ? 'Linux'
          : '';
  return os ? `${browserName} on ${os}` : browserName;
}

export function SyncSetupForm({ onEnabled }: SyncSetupFormProps) {
  const [account, setAccount] = useState<SyncAccount>({ url: '', user: '', password: '' });
  const [passphrase, setPassphrase] = useState('');
  const [deviceName, setDeviceName] = useState(guessDeviceName);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>();

  /**
   * Asks the browser for this one server's origin. It must be the first thing a click does (the
   * browser allows the request only during the user's gesture), so it runs before any await.
   */
  const withPermission = (then: () => Promise<SyncCheck>) => {
    let pattern: string;
    try {
      pattern = originPattern(normalizeServerUrl(account.url));
    } catch {
      setResult({ ok: false, text: problemText('bad-url') });
      return;
    }
    setBusy(true);
    setResult(undefined);
    browser.permissions
      .request({ origins: [pattern] })
      .then((granted) => (granted ? then() : ({ ok: false, problem: 'permission', detail: '' } as SyncCheck)))
      .then(
        (check) => setResult(check.ok ? { ok: true, text: t('syncTestOk') } : { ok: false, text: problemText(check.problem) }),
        (err: unknown) => setResult({ ok: false, text: err instanceof Error ? err.message : String(err) }),
      )
      .finally(() => setBusy(false));
  };

  const test = () => withPermission(() => send({ type: 'sync.test', account }));
  const enable = (e: Event) => {
    e.preventDefault();
    withPermission(async () => {
      const check = await send({ type: 'sync.enable', account, passphrase, deviceName });
      if (check.ok) onEnabled();
      return check;
    });
  };
  const field = (key: keyof SyncAccount) => (e: Event) => setAccount({ ...account, [key]: (e.currentTarget as HTMLInputElement).value });

  return (
    <form class="sync-form" onSubmit={enable}>
      <label>
        <span>{t('syncServerUrl')}</span>
        <input
          type="url"
          required
          placeholder="https://cloud.example.org/remote.php/dav/files/you/"
          value={account.url}
          onInput={field('url')}
        />
      </label>
      <label>
        <span>{t('syncUser')}</span>
        <input type="text" required autocomplete="username" value={account.user} onInput={field('user')} />
      </label>
      <label>
        <span>{t('syncAppPassword')}</span>
        <input type="password" required autocomplete="current-password" value={account.password} onInput={field('password')} />
      </label>
      <label>
        <span>{t('syncPassphrase')}</span>
        <input
          type="password"
          required
          minLength={8}
          autocomplete="new-password"
          aria-describedby="sync-passphrase-hint"
          value={passphrase}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
      </label>
      <p id="sync-passphrase-hint" class="hint muted">
        {t('syncPassphraseHint')}
      </p>
      <label>
        <span>{t('syncDeviceName')}</span>
        <input type="text" maxLength={100} value={deviceName} onInput={(e) => setDeviceName(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" onClick={test} disabled={busy}>
          {t('syncTest')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {t('syncEnable')}
        </button>
      </div>
      <p role="status" class={result && !result.ok ? 'error' : 'muted'}>
        {busy ? t('syncChecking') : (result?.text ?? '')}
      </p>
    </form>
  );
}
