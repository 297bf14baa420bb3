/**
 * Saving an export from an extension page: a Blob behind an object URL and a
 * temporary <a download>, then the URL revoked. No downloads permission needed.
 */
import type { FileReply } from '@/utils/notebook/calls';

/** Revoking at once can cancel the download in some browsers; a tick later it has started. */
const REVOKE_DELAY_MS = 1000;

export function downloadFile(file: FileReply, doc: Document = document): void {
  const blob = new Blob([file.text], { type: `${file.mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.hidden = true;
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}
