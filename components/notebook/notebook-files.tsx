/**
 * The notebook's "Export and import" section: Markdown, JSON, CSV and the
 * corrections out; a JSON notebook in, with the import's report (what was
 * added, skipped and rejected, and why).
 */
import { useId, useState } from 'preact/hooks';
import { t } from '@/platform/i18n';
import type { ExportFormat, FileReply, MarkdownWords } from '@/utils/notebook/calls';
import { importText, stanceLabel } from './labels';
import type { NotebookState } from './notebook-state';

function markdownWords(): MarkdownWords {
  return {
    heading: t('nb_export_heading'),
    supports: t('nb_word_supports'),
    challenges: t('nb_word_challenges'),
    context: t('nb_word_context'),
    stances: {
      supports: stanceLabel('supports'),
      challenges: stanceLabel('challenges'),
      context: stanceLabel('context'),
    },
  };
}

export function ImportExport({ state, download }: { state: NotebookState; download: (file: FileReply) => void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const outcome = state.importOutcome.value;
  const report = outcome ? importText(outcome) : null;
  const save = async (get: () => Promise<FileReply | null>) => {
    setBusy(true);
    try {
      const file = await get();
      if (file) download(file);
    } finally {
      setBusy(false);
    }
  };
  const exportAs = (format: ExportFormat) =>
    save(() => state.exportFile(format, format === 'markdown' ? markdownWords() : undefined));
  return (
    <section class="nb-files" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('nb_files_heading')}</h3>
      <div class="nb-actions">
        <button
          type="button"
          data-testid="nb-export-markdown"
          disabled={busy}
          onClick={() => void exportAs('markdown')}
        >
          {t('nb_export_markdown')}
        </button>
        <button type="button" data-testid="nb-export-json" disabled={busy} onClick={() => void exportAs('json')}>
          {t('nb_export_json')}
        </button>
        <button type="button" data-testid="nb-export-csv" disabled={busy} onClick={() => void exportAs('csv')}>
          {t('nb_export_csv')}
        </button>
        <button
          type="button"
          data-testid="nb-export-corrections"
          disabled={busy}
          onClick={() => void save(() => state.exportCorrections())}
        >
          {t('nb_export_corrections')}
        </button>
      </div>
      <label for={`${id}-import`}>{t('nb_import_label')}</label>
      <input
        id={`${id}-import`}
        type="file"
        accept=".json,application/json"
        data-testid="nb-import"
        disabled={busy}
        onChange={async (e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          setBusy(true);
          try {
            await state.importText(file.text());
          } finally {
            setBusy(false);
            // The same file can be chosen again (after fixing it) and still fire change.
            input.value = '';
          }
        }}
      />
      <div class="nb-import-report" role="status" data-testid="nb-import-report">
        {report && (
          <>
            <p>{report.summary}</p>
            {report.reasons.length > 0 && outcome?.ok && <p>{t('nb_import_because')}</p>}
            {report.reasons.length > 0 && (
              <ul>
                {report.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
