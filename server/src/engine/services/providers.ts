import type { CompletionProvider, HoverProvider } from './types';

/** Hover providers, one file each under `services/hover/`; the first answer wins. */
export const hoverProviders: HoverProvider[] = [];

/** Completion providers, one file each under `services/completion/`; answers are concatenated. */
export const completionProviders: CompletionProvider[] = [];
