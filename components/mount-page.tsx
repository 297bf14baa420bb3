/** Boot one of our pages (popup, side panel, options) the same way. */
import type { Signal } from '@preact/signals';
import { render, type VNode } from 'preact';
import { t } from '@/platform/i18n';
import { loadSettings, type Settings, watchSettings } from '@/platform/settings';
import { applyPageSettings } from './page-settings';

/** Document language and title, render the app, and keep `settings` (and the page's text size and colours) in step with storage. */
export function mountPage(app: VNode, title: string, settings: Signal<Settings>): void {
  document.documentElement.lang = t('lang') === 'lang' ? 'en' : t('lang');
  document.title = title;
  render(app, document.getElementById('app') as HTMLElement);
  const apply = (s: Settings) => {
    settings.value = s;
    applyPageSettings(s);
  };
  void loadSettings().then(apply);
  watchSettings(apply);
}
