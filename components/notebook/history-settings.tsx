/**
 * The options page's notebook section: the reading-history switch (off by
 * default) with what it logs, the retention period, "Forget this site",
 * "Clear history", "Delete everything in the notebook" (confirmed inline,
 * not with window.confirm, so it is keyboard- and test-friendly), and the
 * privacy text: what is stored, where, and how to delete it.
 */
import { useId, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { NotebookApi } from '@/utils/notebook/calls';
import { RETENTION_DAYS, type RetentionDays } from '@/utils/notebook/limits';
import type { NotebookSettings } from '@/utils/notebook/settings';
import { SiteForm } from '../site-form';
import { Switch } from '../switch';
import { errorText } from './labels';

export interface HistorySettingsProps {
  settings: NotebookSettings;
  /** Saves the new settings (under NOTEBOOK_SETTINGS_KEY). */
  onChange: (next: NotebookSettings) => void;
  api: NotebookApi;
}

/** A hostname from what the reader typed: a bare host or a whole URL. Null when it is neither. */
export function hostnameFrom(input: string): string | null {
  const s = input.trim().toLowerCase();
  if (!s) return null;
  let host = s;
  if (s.includes('/') || s.includes(':')) {
    try {
      host = new URL(s.includes('://') ? s : `https://${s}`).hostname;
    } catch {
      return null;
    }
  }
  // Letters, digits, hyphens and dots (IDN hosts arrive as punycode from URL), or a bracketed IPv6 address.
  return /^[a-z0-9.-]{1,253}$/.test(host) || /^\[[0-9a-f:.]+\]$/.test(host) ? host : null;
}

/** The privacy text, per kind of stored data (the English mirrors utils/notebook/privacy.ts). */
function privacyRows(): { heading: string; what: string; when: string; removal: string }[] {
  return [
    {
      heading: t('nb_privacy_passages'),
      what: t('nb_privacy_passages_what'),
      when: t('nb_privacy_passages_when'),
      removal: t('nb_privacy_passages_removal'),
    },
    {
      heading: t('nb_privacy_corrections'),
      what: t('nb_privacy_corrections_what'),
      when: t('nb_privacy_corrections_when'),
      removal: t('nb_privacy_corrections_removal'),
    },
    {
      heading: t('nb_privacy_history'),
      what: t('nb_privacy_history_what'),
      when: t('nb_privacy_history_when'),
      removal: t('nb_privacy_history_removal'),
    },
  ];
}

/** How long reading history is kept. */
function RetentionSelect({ id, settings, onChange }: { id: string } & Omit<HistorySettingsProps, 'api'>) {
  return (
    <>
      <label for={id}>{t('nb_retention_label')}</label>
      <select
        id={id}
        data-testid="retention"
        value={String(settings.retentionDays)}
        onChange={(e) => {
          const days = Number(e.currentTarget.value) as RetentionDays;
          if ((RETENTION_DAYS as readonly number[]).includes(days)) onChange({ ...settings, retentionDays: days });
        }}
      >
        {RETENTION_DAYS.map((d) => (
          <option key={d} value={String(d)}>
            {t('nb_retention_days', String(d))}
          </option>
        ))}
      </select>
    </>
  );
}

interface ForgetSiteProps {
  /** The field's id. */
  id: string;
  api: NotebookApi;
  busy: boolean;
  /** Runs the call and shows what it answers in the section's status line. */
  run: (action: () => Promise<string>) => Promise<void>;
  /** Shows why the typed text was refused, without a call. */
  refuse: (why: string) => void;
}

/** "Forget this site": the site's reading history goes; what was typed must be a host or a URL. */
function ForgetSite({ id, api, busy, run, refuse }: ForgetSiteProps) {
  const [site, setSite] = useState('');
  return (
    <SiteForm
      class="nb-forget"
      label={t('nb_forget_label')}
      field={{ id, 'data-testid': 'forget-site-input', value: site, onInput: (e) => setSite(e.currentTarget.value) }}
      submit={{ testId: 'forget-site', text: t('nb_forget_button'), disabled: busy }}
      onSubmit={() => {
        const host = hostnameFrom(site);
        if (host === null) {
          refuse(t('nb_forget_invalid'));
          return;
        }
        void run(async () => {
          const r = await api('nb-forget-site', { hostname: host });
          if (!r.ok) return errorText(r.error);
          setSite('');
          return t('nb_forget_done', [String(r.value), host]);
        });
      }}
    />
  );
}

/** What is stored, where, and how to delete it. */
function PrivacyDetails() {
  return (
    <details class="nb-privacy">
      <summary>{t('nb_privacy_heading')}</summary>
      <p>{t('nb_privacy_where')}</p>
      <dl>
        {privacyRows().map((row) => (
          <div key={row.heading}>
            <dt>{row.heading}</dt>
            <dd>
              {row.what} {row.when} {row.removal}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function HistorySettings({ settings, onChange, api }: HistorySettingsProps) {
  const id = useId();
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  /** Runs one call; a thrown call (background gone) shows as an error, never escapes. */
  async function run(action: () => Promise<string>): Promise<void> {
    setBusy(true);
    try {
      setStatus(await action());
    } catch {
      setStatus(errorText('failed'));
    } finally {
      setBusy(false);
    }
  }

  /** A call that needs nothing and answers only done or an error; `after` runs once it has answered. */
  const runCall = (name: 'nb-clear-history' | 'nb-delete-everything', done: string, after?: () => void) =>
    run(async () => {
      const r = await api(name, {});
      after?.();
      return r.ok ? done : errorText(r.error);
    });
  const clearHistory = () => void runCall('nb-clear-history', t('nb_clear_done'));
  const deleteEverything = () => void runCall('nb-delete-everything', t('nb_delete_done'), () => setConfirming(false));

  return (
    <section class="nb-history-settings" aria-labelledby={`${id}-h`} data-testid="history-settings">
      <h2 id={`${id}-h`}>{t('nb_settings_heading')}</h2>
      <Switch
        checked={settings.historyEnabled}
        label={t('nb_history_switch')}
        testId="history-switch"
        onChange={(on) => onChange({ ...settings, historyEnabled: on })}
      />
      <p class="muted" id={`${id}-explain`}>
        {t('nb_history_explain')}
      </p>
      <RetentionSelect id={`${id}-retention`} settings={settings} onChange={onChange} />

      <ForgetSite id={`${id}-site`} api={api} busy={busy} run={run} refuse={setStatus} />

      <div class="nb-actions">
        <button type="button" data-testid="clear-history" disabled={busy} onClick={clearHistory}>
          {t('nb_clear_button')}
        </button>
        {!confirming && (
          <button type="button" class="nb-danger" data-testid="delete-everything" onClick={() => setConfirming(true)}>
            {t('nb_delete_button')}
          </button>
        )}
      </div>
      {confirming && (
        <fieldset class="nb-confirm">
          <legend>{t('nb_delete_confirm')}</legend>
          <button
            type="button"
            class="nb-danger"
            data-testid="delete-confirm"
            disabled={busy}
            onClick={deleteEverything}
          >
            {t('nb_delete_yes')}
          </button>
          <button type="button" data-testid="delete-cancel" onClick={() => setConfirming(false)}>
            {t('nb_cancel')}
          </button>
        </fieldset>
      )}
      <p class="nb-status" role="status" data-testid="history-status">
        {status}
      </p>

      <PrivacyDetails />
    </section>
  );
}
