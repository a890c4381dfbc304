// The planned connector: everything the templates need, decided from the spec; rendering only formats it.
import type { Capability, ServiceMethod } from 'scim-connector-sdk';
import type { ConnectorSpec, DialectSpec, Setting } from '../spec/connector-spec.js';
import type { OpenApiCode } from './openapi-connector.js';

/** One emitted service method. */
export interface MethodModel {
  name: ServiceMethod;
  resource: 'User' | 'Group';
  summary: string;
  sends: string;
  answer: string;
  /** The parameter list as written, e.g. `id: string, user: ConnectorUser, ctx: RequestContext`. */
  paramList: string;
  /** The arguments passed on, e.g. `id, user, ctx` (complete bodies only). */
  args: string;
  returns: string;
  /** True when the body is a stub the user writes. */
  stub: boolean;
  /** The body generated from the spec's mappings (openapi backend), if mapped. */
  body?: string;
}

/** An environment variable the connector reads, for config.ts's `--help`, the README and the tests. */
export interface EnvironmentVariable {
  name: string;
  meaning: string;
  /** The default as shown in `--help`, if any. */
  shownDefault?: string;
  /** A value the generated tests set (variables without a default that the connector needs). */
  testValue?: string;
}

/** An app setting (openapi backend) read at run time. */
export interface AppSettingModel {
  /** Its key in the config's `app` object, e.g. `baseUrl`, `token`. */
  key: string;
  setting: Setting;
  secret: boolean;
  meaning: string;
}

/** Files of the project the spec names, relative to the project root. */
export interface ProjectPaths {
  openapi?: string;
  /** The directory schema file the ldap backend's mappings are checked against. */
  directorySchema?: string;
  /** The sql backend's DDL file. */
  ddl?: string;
  seedUsers?: string;
  seedGroups?: string;
}

export interface ConnectorModel {
  spec: ConnectorSpec;
  generatorVersion: string;
  backend: ConnectorSpec['backend']['kind'];
  capabilities: Capability[];
  dialects: DialectSpec[];
  methods: MethodModel[];
  /** The names of `methods`. */
  methodNames: ServiceMethod[];
  stubs: ServiceMethod[];
  environment: EnvironmentVariable[];
  appSettings: AppSettingModel[];
  paths: ProjectPaths;
  /** The openapi backend's mapped code, when the spec maps operations. */
  openapi?: OpenApiCode;
  /** The generated fake app's route table (openapi backend with mappings). */
  fakeResources?: Record<string, unknown>;
}
