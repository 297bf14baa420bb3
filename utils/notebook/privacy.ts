/**
 * What the notebook stores, in plain words, for PRIVACY.md and the options
 * page. Everything stays in this browser's extension storage (IndexedDB);
 * nothing is sent anywhere unless the reader exports a file.
 */
export interface StoredKind {
  kind: 'corrections' | 'passages' | 'history';
  what: string;
  when: string;
  removal: string;
}

export const NOTEBOOK_PRIVACY: readonly StoredKind[] = [
  {
    kind: 'corrections',
    what: 'The sentence, the page address, the company, the paragraph around it (cut to 4,000 characters), the link the extension made and the reason you chose.',
    when: 'Only when you correct a mention.',
    removal: 'Undo the correction, or delete everything.',
  },
  {
    kind: 'passages',
    what: 'The sentence (text only), the page title and address, the company, the reason, your stance and note, and the dates.',
    when: 'Only when you keep a passage as evidence.',
    removal: 'Delete it (it stays in the trash until purged), or delete everything.',
  },
  {
    kind: 'history',
    what: 'Page address, title and site, the day, and how many mentions were linked to each reason.',
    when: 'Only with reading history switched on; never on paused sites, in private windows or on non-web pages.',
    removal: 'Forget a site, clear history, or let the retention period (7, 30, 90 or 365 days) remove it.',
  },
];
