/**
 * The JSON export: everything the notebook holds, in the one format import
 * reads back (docs/notebook-format.md). Passages in the trash are left out:
 * an export is what the reader keeps.
 */
import {
  type Correction,
  type HistoryEntry,
  type KeptPassage,
  NOTEBOOK_FORMAT,
  NOTEBOOK_FORMAT_VERSION,
  type NotebookExport,
} from './types';

export interface NotebookContents {
  passages: readonly KeptPassage[];
  corrections: readonly Correction[];
  history: readonly HistoryEntry[];
}

export function buildNotebookExport(contents: NotebookContents, exportedAt: string): NotebookExport {
  return {
    format: NOTEBOOK_FORMAT,
    version: NOTEBOOK_FORMAT_VERSION,
    exportedAt,
    passages: contents.passages.filter((p) => p.deletedAt === undefined).map((p) => ({ ...p })),
    corrections: contents.corrections.map((c) => ({ ...c, original: { ...c.original } })),
    history: contents.history.map((h) => ({ ...h, counts: { ...h.counts } })),
  };
}

export function notebookToJson(contents: NotebookContents, exportedAt: string): string {
  return JSON.stringify(buildNotebookExport(contents, exportedAt), null, 2);
}
