/**
 * The language server: wires LSP events to the engine. Over IPC from the extension client, or
 * `--stdio` for tests and other editors. All knowledge lives in the engine; this file translates.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND, pathToUri, uriToPath } from '../engine';
import { DocumentChecker } from './checker';
import { provideCodeActions } from './codeActions';
import { toLspCompletion, toLspHover } from './convert';
import type { EditSupport } from './edits';
import { errorName, guardNotification, guardRequest, InvalidParams, Lifecycle, parseParams } from './guard';
import { limitHeapGrowth } from './heap';
import { generateKeyAt } from './keys';
import { codeActionParams, fileInfoParams, generateKeyParams, productsParams, setOverrideParams, textDocumentPositionParams } from './params';
import { Notifications, Requests, type FileInfo, type ProductSummary } from './protocol';
import { FolderEngines, type FolderSettings } from './folderEngines';
import { DEFAULT_SETTINGS, readExcludes, readSettings, type ServerSettings } from './settings';
import { WorkspaceFiles } from './workspaceFiles';
import { productSummaries } from './products';
import { WATCHED_GLOBS } from './filePatterns';
import { FolderConfigs, isConfigFile } from './folderConfigs';
import { CONFIG_FILE_NAMES } from '../engine/config';

limitHeapGrowth();
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new WorkspaceFiles(documents);
const log = (message: string) => connection.console.log(message);
const session = { log, lifecycle: new Lifecycle() };

let settings: ServerSettings = DEFAULT_SETTINGS;
const engines = new FolderEngines(settings);
/** `.deploy-doctor.yaml` per workspace folder; an open config document's unsaved text is what applies. */
const configs = new FolderConfigs((uri) => documents.get(uri)?.getText());
/** The engine a file is checked with: its config's, with its folder's editor settings on top. */
const engineOf = (uri: string) => configs.engineFor(uri) ?? engines.for(uri);
let excludes: string[] = [];
let folders: string[] = [];
/** The configs' fingerprint when the index was last built. */
let indexedConfigs: string | undefined;
let client = { configuration: false, configurationDynamic: false, watchDynamic: false, folders: false, snippets: false, watchesFiles: false };
let editSupport: EditSupport = { documentChanges: false, createFiles: false };
let relatedInformation = false;
/** Settings arrive after `initialized`: checks wait for them so no file shows a default-settings result first. */
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (markReady = resolve));

const checker = new DocumentChecker({
  documents,
  workspace,
  engine: engineOf,
  configOptions: (uri) => configs.optionsFor(uri),
  setupKey: (uri) => configs.setupKey(uri),
  instead: (uri, text) => configs.configDiagnosticsOf(uri, text) ?? (configs.ignored(uri) ? [] : undefined),
  debounceMs: () => settings.debounceMs,
  publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
  fileInfoChanged: (info: FileInfo) => void connection.sendNotification(Notifications.fileInfoChanged, info),
  log,
  trace: (message) => connection.tracer.log(message),
  get relatedInformation() {
    return relatedInformation;
  },
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  client = {
    configuration: capabilities.workspace?.configuration === true,
    configurationDynamic: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchDynamic: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    folders: capabilities.workspace?.workspaceFolders === true,
    snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    watchesFiles: isRecord(params.initializationOptions) && params.initializationOptions['clientWatchesFiles'] === true,
  };
  editSupport = {
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    createFiles: capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
  };
  relatedInformation = capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
  session.lifecycle.initialized();
  folders = folderPaths(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['$', '{', '='], resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'deploy-doctor' },
  };
});

connection.onInitialized(
  guardNotification('initialized', session, async () => {
    try {
      await registerForChanges().catch((error: unknown) => log(`registration failed: ${errorName(error)}`));
      await loadSettings(undefined);
    } finally {
      // Whatever failed above is logged; checks run with what there is.
      markReady();
    }
    await reindex();
    // Checks that ran before the index existed saw no workspace file list: run them again.
    for (const uri of checker.dependencies.listers()) checker.schedule(uri, 0);
  }),
);

connection.onDidChangeConfiguration(
  guardNotification('didChangeConfiguration', session, async (params) => {
    const before = JSON.stringify([excludes, settings.kindAssociations]);
    await loadSettings(params.settings);
    if (JSON.stringify([excludes, settings.kindAssociations]) !== before) await reindex();
    checker.checkAll();
  }),
);

documents.onDidOpen(
  guardNotification('didOpen', session, async ({ document }) => {
    await ready;
    checker.checkNow(document.uri);
  }),
);
documents.onDidSave(
  guardNotification('didSave', session, async ({ document }) => {
    await ready;
    if (isConfigFile(document.uri)) await configChanged([document.uri]);
  }),
);
documents.onDidChangeContent(
  guardNotification('didChange', session, async ({ document }) => {
    await ready;
    if (isConfigFile(document.uri)) {
      // Its own findings follow every keystroke; its unsaved text applies to the open documents
      // whose setup it changes, after the usual debounce (a comment or a layout edit changes none).
      configs.reload(document.uri);
      checker.schedule(document.uri);
      for (const open of documents.all()) checker.scheduleIfStale(open.uri);
      return;
    }
    if (checker.isChecked(document.uri, document.version)) return;
    checker.schedule(document.uri);
    checker.scheduleDependents(document.uri);
  }),
);
documents.onDidClose(
  guardNotification('didClose', session, ({ document }) => {
    checker.closed(document.uri);
    configs.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    // Other documents read its unsaved text until now: from here on they read the disk.
    checker.scheduleDependents(document.uri);
    if (isConfigFile(document.uri)) void configChanged([document.uri]);
  }),
);

connection.onDidChangeWatchedFiles(
  guardNotification('didChangeWatchedFiles', session, async ({ changes }) => {
    const configChanges = changes.filter((change) => isConfigFile(change.uri)).map((change) => change.uri);
    for (const change of changes) {
      if (isConfigFile(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) workspace.remove(change.uri);
      else if (workspace.has(change.uri) || engines.window.kindOf(change.uri, workspace.readText(change.uri)) !== undefined) workspace.add(change.uri);
      else workspace.changed(change.uri);
      checker.scheduleDependents(change.uri, change.type !== FileChangeType.Changed);
    }
    if (configChanges.length > 0) await configChanged(configChanges);
  }),
);

connection.onCodeAction(
  guardRequest('codeAction', session, (params) => {
    parseParams(codeActionParams, params);
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    const checked = checker.current(uri);
    if (!document || !checked?.result.kind) return [];
    return provideCodeActions({
      params,
      document: { uri, text: document.getText(), kind: checked.result.kind },
      checked,
      engine: engineOf(uri),
      workspace,
      options: checker.optionsOf(uri),
      editSupport,
      relatedInformation,
      versionOf: (other) => documents.get(other)?.version ?? null,
      exists: (other) => documents.get(other) !== undefined || workspace.readText(other) !== undefined,
    });
  }),
);

connection.onHover(
  guardRequest('hover', session, (raw) => {
    const params = parseParams(textDocumentPositionParams, raw);
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const source = checker.sourceOf(document.uri, document.getText(), document.languageId);
    const hover = engineOf(document.uri).hover(source, workspace, document.offsetAt(params.position), checker.optionsOf(document.uri));
    return hover ? toLspHover(document, hover) : null;
  }),
);

connection.onCompletion(
  guardRequest('completion', session, (raw) => {
    const params = parseParams(textDocumentPositionParams, raw);
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const source = checker.sourceOf(document.uri, document.getText(), document.languageId);
    return engineOf(document.uri)
      .complete(source, workspace, document.offsetAt(params.position), checker.optionsOf(document.uri))
      .map((item) => toLspCompletion(document, item, client.snippets));
  }),
);

connection.onRequest(
  Requests.fileInfo,
  guardRequest(Requests.fileInfo, session, (raw: unknown) => checker.fileInfo(parseParams(fileInfoParams, raw).uri)),
);

connection.onRequest(
  Requests.setOverride,
  guardRequest(Requests.setOverride, session, (raw: unknown) => {
    const params = parseParams(setOverrideParams, raw);
    if (params.product && !engineOf(params.uri).products.some((product) => product.id === params.product)) throw new InvalidParams(`unknown product ${params.product}`);
    const previous = checker.override(params.uri);
    checker.setOverride(params.uri, {
      product: params.product === undefined ? previous.product : params.product,
      mode: params.mode === undefined ? previous.mode : params.mode,
    });
    checker.checkNow(params.uri);
    checker.scheduleDependents(params.uri);
    return checker.fileInfo(params.uri);
  }),
);

connection.onRequest(
  Requests.products,
  guardRequest(Requests.products, session, (raw: unknown): ProductSummary[] => {
    const uri = parseParams(productsParams, raw)?.uri;
    return productSummaries(uri === undefined ? engines.window : engineOf(uri));
  }),
);

connection.onRequest(
  Requests.generateKey,
  guardRequest(Requests.generateKey, session, (raw: unknown) => {
    const params = parseParams(generateKeyParams, raw);
    const document = documents.get(params.uri);
    const text = document?.getText() ?? workspace.readText(params.uri);
    if (text === undefined) throw new InvalidParams('document not found');
    return generateKeyAt(engineOf(params.uri), checker.sourceOf(params.uri, text, document?.languageId), checker.optionsOf(params.uri), params);
  }),
);

connection.onShutdown(() => {
  session.lifecycle.shutDown();
  checker.dispose();
});

/** Configuration and file-change notifications, and workspace folder changes, as the client supports them. */
async function registerForChanges(): Promise<void> {
  if (client.configurationDynamic) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'deployDoctor' });
  if (client.watchDynamic && !client.watchesFiles) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
  }
  if (client.folders) {
    connection.workspace.onDidChangeWorkspaceFolders(
      guardNotification('workspaceFolders', session, async (event) => {
        const removed = new Set(folderPaths(event.removed.map((folder) => folder.uri)));
        folders = [...folders.filter((folder) => !removed.has(folder)), ...folderPaths(event.added.map((folder) => folder.uri))];
        await loadSettings(undefined);
        await reindex();
        checker.checkAll();
      }),
    );
  }
}

async function loadSettings(pushed: unknown): Promise<void> {
  let perFolder: FolderSettings[] = [];
  if (client.configuration) {
    // The window's settings, then each folder's as the client resolves them for that folder.
    const scoped = folders.map((folder) => ({ section: 'deployDoctor', scopeUri: pathToUri(folder) }));
    const [section, exclude, ...folderSections] = await connection.workspace.getConfiguration([{ section: 'deployDoctor' }, { section: 'files.exclude' }, ...scoped]);
    settings = readSettings(section);
    excludes = readExcludes(exclude);
    perFolder = folders.map((folder, index) => ({ folder, settings: isRecord(folderSections[index]) ? readSettings(folderSections[index]) : undefined }));
  } else if (isRecord(pushed)) {
    settings = readSettings(pushed['deployDoctor']);
    excludes = isRecord(pushed['files']) ? readExcludes(pushed['files']['exclude']) : excludes;
  }
  engines.configure(settings, perFolder);
  const folderSettings = new Map(perFolder.map((item) => [item.folder, item.settings]));
  configs.configure(
    folders.map((folder) => ({ folder, engine: engines.for(pathToUri(`${folder}/${CONFIG_FILE_NAMES[0]}`)), settings: folderSettings.get(folder) ?? settings })),
  );
}

/**
 * Config files were created, changed, saved or deleted: the open documents whose setup changed
 * are checked again at once (with no wait for the debounce an unsaved edit scheduled), then the
 * index is rebuilt if what the configs say changed since it was built (`ignore:` decides what is indexed).
 */
async function configChanged(uris: readonly string[]): Promise<void> {
  for (const uri of uris) configs.reload(uri);
  checker.checkStale();
  if (configs.fingerprint() === indexedConfigs) return;
  await reindex();
  for (const uri of checker.dependencies.listers()) checker.schedule(uri, 0);
}

async function reindex(): Promise<void> {
  const started = Date.now();
  // Names whose kind only content decides (a `sites-available/default`) are read; others never are.
  const probe = 'server {\n  listen 80;\n}\n';
  const result = await workspace.index(folders, excludes, (uri, readText) => {
    const engine = engines.window;
    // A config file is not compose YAML, and a file `ignore:` skips is not indexed.
    if (isConfigFile(uri) || configs.ignored(uri)) return false;
    if (engine.kindOf(uri, undefined) !== undefined) return true;
    return engine.kindOf(uri, probe) !== undefined && engine.kindOf(uri, readText()) !== undefined;
  });
  // Taken after the walk, which reads the configs `ignore:` is looked up in.
  indexedConfigs = configs.fingerprint();
  log(`indexed ${result.files} configuration files in ${folders.length} folders (${Date.now() - started} ms)${result.truncated ? ', stopped early: workspace too large' : ''}`);
}

function folderPaths(uris: readonly string[]): string[] {
  return uris.map((uri) => uriToPath(uri)).filter((path): path is string => path !== undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Last line of defence: a bug in a handler the guards missed must not end the session.
process.on('uncaughtException', (error) => log(`unexpected ${error.name}`));
process.on('unhandledRejection', (reason) => log(`unexpected rejection ${reason instanceof Error ? reason.name : typeof reason}`));

documents.listen(connection);
connection.listen();
