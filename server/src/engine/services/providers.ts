import type { CompletionProvider, HoverProvider } from './types';
import { settingsHover } from './hover/settings';
import { settingsCompletion } from './completion/settings';
import { nginxHover } from './hover/nginx';
import { nginxCompletion } from './completion/nginx';
import { composeHover } from './hover/compose';
import { composeCompletion } from './completion/compose';

/** Hover providers, one file each under `services/hover/`; the first answer wins. */
export const hoverProviders: HoverProvider[] = [settingsHover, nginxHover, composeHover];

/** Completion providers, one file each under `services/completion/`; answers are concatenated. */
export const completionProviders: CompletionProvider[] = [settingsCompletion, nginxCompletion, composeCompletion];
