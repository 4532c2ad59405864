// Scaffold, replaced by the language server host.
export {};
