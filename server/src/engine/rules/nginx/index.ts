import type { Rule } from '../rule';
import { aliasTraversal } from './alias-traversal';
import { autoindex } from './autoindex';
import { validReferersNone } from './valid-referers-none';
import { mapDefault } from './map-default';
import { proxyHostHeader } from './proxy-host-header';
import { addHeaderMultiline } from './add-header-multiline';
import { allowWithoutDeny } from './allow-without-deny';
import { bodySize } from './body-size';
import { deprecated } from './deprecated';
import { directiveContext } from './directive-context';
import { duplicateDirective } from './duplicate-directive';
import { headerInheritance } from './header-inheritance';
import { hostSpoofing } from './host-spoofing';
import { httpSplitting } from './http-splitting';
import { invalidArgs } from './invalid-args';
import { ssrf } from './ssrf';
import { sseBuffering } from './sse-buffering';
import { sseConnection } from './sse-connection';
import { nginxSyntax } from './syntax';
import { thirdPartyModule } from './third-party-module';
import { tls } from './tls';
import { unknownDirective } from './unknown-directive';
import { versionDisclosure } from './version-disclosure';
import { weakTls } from './weak-tls';
import { websocketUpgrade } from './websocket-upgrade';

/** The `nginx/*` rules, one file each. */
export const nginxRules: readonly Rule[] = [
  nginxSyntax,
  unknownDirective,
  directiveContext,
  invalidArgs,
  sseBuffering,
  sseConnection,
  websocketUpgrade,
  bodySize,
  headerInheritance,
  tls,
  duplicateDirective,
  thirdPartyModule,
  deprecated,
  aliasTraversal,
  weakTls,
  versionDisclosure,
  ssrf,
  httpSplitting,
  hostSpoofing,
  autoindex,
  validReferersNone,
  mapDefault,
  proxyHostHeader,
  addHeaderMultiline,
  allowWithoutDeny,
];
