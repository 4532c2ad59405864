/**
 * The parts of the SARIF 2.1.0 schema that Deploy Doctor's output uses, with the official
 * schema's property lists (additionalProperties: false where it has it) and constraints, plus the
 * rules code-scanning services enforce beyond the schema. The official schema is not installed
 * with any package here, so it is not available offline; this is written from the standard
 * (OASIS SARIF 2.1.0, §3) and GitHub's documented upload requirements.
 */
const message = {
  type: 'object',
  additionalProperties: false,
  properties: { text: { type: 'string' }, markdown: { type: 'string' }, id: { type: 'string' }, arguments: { type: 'array', items: { type: 'string' } }, properties: { $ref: '#/definitions/propertyBag' } },
  anyOf: [{ required: ['text'] }, { required: ['id'] }],
};
const multiformatMessageString = {
  type: 'object',
  additionalProperties: false,
  properties: { text: { type: 'string' }, markdown: { type: 'string' }, properties: { $ref: '#/definitions/propertyBag' } },
  required: ['text'],
};
const level = { enum: ['none', 'note', 'warning', 'error'] };

export const sarifSubsetSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: { type: 'array', items: { $ref: '#/definitions/run' } },
    properties: { $ref: '#/definitions/propertyBag' },
  },
  required: ['version', 'runs'],
  definitions: {
    propertyBag: {
      type: 'object',
      properties: { tags: { type: 'array', uniqueItems: true, items: { type: 'string' } } },
      additionalProperties: true,
    },
    message,
    multiformatMessageString,
    run: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tool: { $ref: '#/definitions/tool' },
        invocations: { type: 'array', items: { $ref: '#/definitions/invocation' } },
        originalUriBaseIds: { type: 'object', additionalProperties: { $ref: '#/definitions/artifactLocation' } },
        columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
        results: { type: 'array', items: { $ref: '#/definitions/result' } },
        properties: { $ref: '#/definitions/propertyBag' },
      },
      required: ['tool'],
    },
    tool: {
      type: 'object',
      additionalProperties: false,
      properties: { driver: { $ref: '#/definitions/toolComponent' }, properties: { $ref: '#/definitions/propertyBag' } },
      required: ['driver'],
    },
    toolComponent: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        fullName: { type: 'string' },
        version: { type: 'string' },
        semanticVersion: { type: 'string' },
        informationUri: { type: 'string', format: 'uri' },
        rules: { type: 'array', uniqueItems: true, items: { $ref: '#/definitions/reportingDescriptor' } },
        properties: { $ref: '#/definitions/propertyBag' },
      },
      required: ['name'],
    },
    reportingDescriptor: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        shortDescription: { $ref: '#/definitions/multiformatMessageString' },
        fullDescription: { $ref: '#/definitions/multiformatMessageString' },
        helpUri: { type: 'string', format: 'uri' },
        help: { $ref: '#/definitions/multiformatMessageString' },
        defaultConfiguration: {
          type: 'object',
          additionalProperties: false,
          properties: { enabled: { type: 'boolean' }, level, rank: { type: 'number', minimum: -1, maximum: 100 }, properties: { $ref: '#/definitions/propertyBag' } },
        },
        properties: { $ref: '#/definitions/propertyBag' },
      },
      required: ['id'],
    },
    invocation: {
      type: 'object',
      additionalProperties: false,
      properties: {
        executionSuccessful: { type: 'boolean' },
        toolExecutionNotifications: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: { level, message: { $ref: '#/definitions/message' }, properties: { $ref: '#/definitions/propertyBag' } },
            required: ['message'],
          },
        },
        properties: { $ref: '#/definitions/propertyBag' },
      },
      required: ['executionSuccessful'],
    },
    artifactLocation: {
      type: 'object',
      additionalProperties: false,
      properties: { uri: { type: 'string', format: 'uri-reference' }, uriBaseId: { type: 'string' }, index: { type: 'integer', minimum: -1 }, properties: { $ref: '#/definitions/propertyBag' } },
    },
    region: {
      type: 'object',
      additionalProperties: false,
      properties: {
        startLine: { type: 'integer', minimum: 1 },
        startColumn: { type: 'integer', minimum: 1 },
        endLine: { type: 'integer', minimum: 1 },
        endColumn: { type: 'integer', minimum: 1 },
        properties: { $ref: '#/definitions/propertyBag' },
      },
    },
    location: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id: { type: 'integer', minimum: -1 },
        message: { $ref: '#/definitions/message' },
        physicalLocation: {
          type: 'object',
          additionalProperties: false,
          properties: { artifactLocation: { $ref: '#/definitions/artifactLocation' }, region: { $ref: '#/definitions/region' }, properties: { $ref: '#/definitions/propertyBag' } },
          required: ['artifactLocation'],
        },
        properties: { $ref: '#/definitions/propertyBag' },
      },
    },
    result: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ruleId: { type: 'string' },
        ruleIndex: { type: 'integer', minimum: -1 },
        level,
        message: { $ref: '#/definitions/message' },
        locations: { type: 'array', items: { $ref: '#/definitions/location' } },
        relatedLocations: { type: 'array', uniqueItems: true, items: { $ref: '#/definitions/location' } },
        properties: { $ref: '#/definitions/propertyBag' },
      },
      required: ['message'],
    },
  },
} as const;

export interface SarifLog {
  readonly $schema: string;
  readonly version: string;
  readonly runs: readonly SarifRun[];
}

export interface SarifRun {
  readonly tool: { readonly driver: { readonly name: string; readonly version?: string; readonly informationUri?: string; readonly rules: readonly SarifRule[] } };
  readonly originalUriBaseIds?: Readonly<Record<string, { readonly uri: string }>>;
  readonly invocations?: readonly { readonly executionSuccessful: boolean; readonly toolExecutionNotifications?: readonly { readonly message: { readonly text: string } }[] }[];
  readonly results: readonly SarifResult[];
}

export interface SarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: string };
  readonly properties: { readonly tags: readonly string[] };
}

export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: string;
  readonly message: { readonly text: string };
  readonly locations: readonly { readonly physicalLocation: { readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string }; readonly region: SarifRegion } }[];
}

/**
 * What code scanning requires beyond the schema: every result names a rule that the driver
 * describes at `ruleIndex`, has one location in a file, and a region that starts before it ends.
 */
export function codeScanningProblems(log: SarifLog): string[] {
  const problems: string[] = [];
  for (const run of log.runs) {
    const rules = run.tool.driver.rules;
    const ids = new Set<string>();
    for (const rule of rules) {
      if (ids.has(rule.id)) problems.push(`rule ${rule.id} described twice`);
      ids.add(rule.id);
    }
    for (const [index, result] of run.results.entries()) {
      const where = `results[${index}]`;
      if (!result.ruleId) problems.push(`${where}: no ruleId`);
      if (rules[result.ruleIndex]?.id !== result.ruleId) problems.push(`${where}: ruleIndex ${result.ruleIndex} is not ${result.ruleId}`);
      if (result.locations.length !== 1) problems.push(`${where}: ${result.locations.length} locations`);
      for (const location of result.locations) {
        const { artifactLocation, region } = location.physicalLocation;
        if (artifactLocation.uriBaseId !== undefined && !run.originalUriBaseIds?.[artifactLocation.uriBaseId]) {
          problems.push(`${where}: uriBaseId ${artifactLocation.uriBaseId} is not declared`);
        }
        if (artifactLocation.uriBaseId === undefined && !/^file:\/\//.test(artifactLocation.uri)) problems.push(`${where}: relative uri without a base`);
        if (region.endLine < region.startLine || (region.endLine === region.startLine && region.endColumn < region.startColumn)) {
          problems.push(`${where}: region ends before it starts`);
        }
      }
    }
    for (const [id, base] of Object.entries(run.originalUriBaseIds ?? {})) {
      if (!/^file:\/\/.*\/$/.test(base.uri)) problems.push(`originalUriBaseIds.${id} must be an absolute URI ending in /`);
    }
  }
  return problems;
}
