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

/** The export buttons, in order: what each saves and its words. */
function exportChoices(): [what: ExportFormat | 'corrections', text: string][] {
  return [
    ['markdown', t('nb_export_markdown')],
    ['json', t('nb_export_json')],
    ['csv', t('nb_export_csv')],
    ['corrections', t('nb_export_corrections')],
  ];
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
  const exportAs = (what: ExportFormat | 'corrections') =>
    void save(() =>
      what === 'corrections'
        ? state.exportCorrections()
        : state.exportFile(what, what === 'markdown' ? markdownWords() : undefined),
    );
  return (
    <section class="nb-files" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('nb_files_heading')}</h3>
      <div class="nb-actions">
        {exportChoices().map(([what, text]) => (
          <button
            key={what}
            type="button"
            data-testid={`nb-export-${what}`}
            disabled={busy}
            onClick={() => exportAs(what)}
          >
            {text}
          </button>
        ))}
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
