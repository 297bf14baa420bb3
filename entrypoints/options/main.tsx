/** Options: pause everywhere, entities and their colours (with a contrast check), and paused sites. */
import '@/components/theme.css';
import '@/components/notebook/notebook.css';
import './options.css';
import { mountPage } from '@/components/mount-page';
import { t } from '@/platform/i18n';
import { App } from './App';
import { createOptionsState } from './state';

const state = createOptionsState();
mountPage(<App state={state} />, t('options_title'), state.settings);
