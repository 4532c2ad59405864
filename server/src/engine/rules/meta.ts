import { defineRule } from './rule';
import { FILE_KINDS } from '../types';

/*
 * Rules the engine itself reports: they have no check of their own, but they have ids, docs
 * pages and severities like any other rule, so users can configure them the same way.
 */

export const internalError = defineRule({
  meta: {
    id: 'deploy-doctor/internal-error',
    kinds: FILE_KINDS,
    defaultSeverity: 'warning',
    description: 'A rule failed on this file; its findings are missing, the other rules still ran.',
    fixable: false,
  },
  check() {},
});

export const unusedDisable = defineRule({
  meta: {
    id: 'deploy-doctor/unused-disable',
    kinds: FILE_KINDS,
    defaultSeverity: 'hint',
    description: 'A `deploy-doctor disable` comment that suppresses nothing.',
    fixable: true,
  },
  check() {},
});
