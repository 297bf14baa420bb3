/**
 * Toolbar popup: the verdict, counts and chart for the current tab, quick
 * actions, and the eight reasons. The static part renders synchronously on
 * first paint; counts fill their reserved space when the background answers.
 */
import '@/components/theme.css';
import './popup.css';
import { mountPage } from '@/components/mount-page';
import { t } from '@/platform/i18n';
import { App } from './App';
import { createPopupState } from './state';

const state = createPopupState();
mountPage(<App state={state} />, t('extName'), state.settings);
state.start();
