import type { Rule } from '../rule';
import { directiveContext } from './directive-context';
import { invalidArgs } from './invalid-args';
import { nginxSyntax } from './syntax';
import { unknownDirective } from './unknown-directive';

/** The `nginx/*` rules, one file each. */
export const nginxRules: readonly Rule[] = [nginxSyntax, unknownDirective, directiveContext, invalidArgs];
