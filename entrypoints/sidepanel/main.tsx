/**
 * Side panel: the article with contents, search and reading progress, and the
 * current tab's mentions with filters, jump-to and previous/next. It follows
 * the active tab unless `?tab=` pins one. The article scrolls only when the
 * person asked for it (a clicked mention, a chart bar, the contents, search).
 */
import '@/components/theme.css';
import '@/components/notebook/notebook.css';
import './sidepanel.css';
import { mountPage } from '@/components/mount-page';
import { t } from '@/platform/i18n';
import { App } from './App';
import { PANEL_SCROLL } from './scroll';
import { createPanelState, PANEL_PLATFORM } from './state';

const state = createPanelState(PANEL_PLATFORM, PANEL_SCROLL);
mountPage(<App state={state} />, t('extName'), state.settings);
state.start();
