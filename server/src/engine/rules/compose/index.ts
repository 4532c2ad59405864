import type { Rule } from '../rule';
import buildAndImage from './build-and-image';
import duplicateContainerName from './duplicate-container-name';
import duplicatePort from './duplicate-port';
import envFileMissing from './env-file-missing';
import exposedDatastore from './exposed-datastore';
import imageTag from './image-tag';
import healthcheckMissing from './healthcheck-missing';
import product from './product';
import schema from './schema';
import syntax from './syntax';
import undefinedReference from './undefined-reference';
import undefinedVariable from './undefined-variable';
import versionObsolete from './version-obsolete';

/** The `compose/*` rules, one file each. */
export const composeRules: readonly Rule[] = [
  syntax,
  schema,
  versionObsolete,
  undefinedReference,
  healthcheckMissing,
  undefinedVariable,
  envFileMissing,
  exposedDatastore,
  duplicatePort,
  duplicateContainerName,
  imageTag,
  buildAndImage,
  product,
];
