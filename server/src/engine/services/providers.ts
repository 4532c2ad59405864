import type { CompletionProvider, HoverProvider } from './types';
import { settingsHover } from './hover/settings';
import { settingsCompletion } from './completion/settings';
import { nginxHover } from './hover/nginx';
import { nginxCompletion } from './completion/nginx';

/** Hover providers, one file each under `services/hover/`; the first answer wins. */
export const hoverProviders: HoverProvider[] = [settingsHover, nginxHover];

/** Completion providers, one file each under `services/completion/`; answers are concatenated. */
export const completionProviders: CompletionProvider[] = [settingsCompletion, nginxCompletion];
