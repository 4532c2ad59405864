export { CONFIG_FILE_NAMES, MAX_CONFIG_CHARS, parseProjectConfig } from './parse';
export type { ConfigOverride, ConfigProblem, ConfigVocabulary, ProjectConfig } from './parse';
export { resolveForFile, relativeTo } from './resolve';
export type { LocatedConfig, ResolvedFileConfig } from './resolve';
export { ConfigChains, configFileIn } from './discover';
export type { ConfigFileSystem } from './discover';
export { CONFIG_RULE_ID, CONFIG_RULE_META, configDiagnostics } from './diagnostics';
export { ConfigEngines } from './engines';
export type { FileSetup, HostLayer } from './engines';
