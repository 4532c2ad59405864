import * as yaml from 'yaml';

/*
 * `yaml`'s node type guards, taken once. The bundle reaches the package's CommonJS build through
 * a getter per property access (esbuild's ESM interop), which a walk over every node of a large
 * file would pay on every call: about 2% of a compose check.
 */
export const { isAlias, isCollection, isDocument, isMap, isNode, isPair, isScalar, isSeq } = yaml;
