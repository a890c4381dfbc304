// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The app API's types, from openapi.yaml by openapi-typescript.

export interface paths {
  '/employees': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List employees, offset/limit paged */
    get: operations['listEmployees'];
    put?: never;
    post: operations['createEmployee'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/employees/{employeeId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        employeeId: string;
      };
      cookie?: never;
    };
    get: operations['getEmployee'];
    /** Replaces the whole employee; fields left out are cleared (active is kept) */
    put: operations['replaceEmployee'];
    post?: never;
    delete: operations['deleteEmployee'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/employees/{employeeId}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        employeeId: string;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Makes the employee active again (the only way to change active) */
    post: operations['activateEmployee'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/employees/{employeeId}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        employeeId: string;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Makes the employee inactive (the only way to change active) */
    post: operations['deactivateEmployee'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['listTeams'];
    put?: never;
    post: operations['createTeam'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/teams/{teamId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    get: operations['getTeam'];
    put: operations['replaceTeam'];
    post?: never;
    delete: operations['deleteTeam'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/teams/{teamId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    /** A team's members, offset/limit paged */
    get: operations['listTeamMembers'];
    put?: never;
    post: operations['addTeamMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/teams/{teamId}/members/{employeeId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        employeeId: string;
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['removeTeamMember'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    EmployeeInput: {
      /** Format: email */
      email: string;
      firstName: string;
      lastName: string;
      employeeNumber?: string;
      costCenter?: string | null;
      /** Format: date-time */
      startDate?: string;
      /** @description The desk phone */
      phone?: string;
    };
    Employee: components['schemas']['EmployeeInput'] & {
      id: string;
      /**
       * @description Changed by the activate and deactivate operations only
       * @default true
       */
      active: boolean;
      teamIds?: string[];
    };
    EmployeePage: {
      items: components['schemas']['Employee'][];
      total: number;
      offset: number;
      limit: number;
    };
    TeamInput: {
      name: string;
      code?: string;
    };
    Team: components['schemas']['TeamInput'] & {
      id: string;
    };
    TeamPage: {
      items: components['schemas']['Team'][];
      total: number;
      offset: number;
      limit: number;
    };
    TeamMember: {
      employeeId: string;
      /** @description The employee's first and last name */
      displayName?: string;
    };
    TeamMemberPage: {
      items: components['schemas']['TeamMember'][];
      total: number;
      offset: number;
      limit: number;
    };
    Error: {
      code?: string;
      message: string;
    };
  };
  responses: never;
  parameters: {
    offset: number;
    limit: number;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listEmployees: {
    parameters: {
      query?: {
        offset?: components['parameters']['offset'];
        limit?: components['parameters']['limit'];
        /** @description Only the employee with this email (compared without regard to case) */
        email?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of employees */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmployeePage'];
        };
      };
    };
  };
  createEmployee: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EmployeeInput'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Employee'];
        };
      };
      /** @description An employee with this email exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getEmployee: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        employeeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The employee */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Employee'];
        };
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  replaceEmployee: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        employeeId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EmployeeInput'];
      };
    };
    responses: {
      /** @description Replaced */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Employee'];
        };
      };
    };
  };
  deleteEmployee: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        employeeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  activateEmployee: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        employeeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Active */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deactivateEmployee: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        employeeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Inactive */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listTeams: {
    parameters: {
      query?: {
        offset?: components['parameters']['offset'];
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of teams */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeamPage'];
        };
      };
    };
  };
  createTeam: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TeamInput'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Team'];
        };
      };
      /** @description A team with this name exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getTeam: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The team */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Team'];
        };
      };
    };
  };
  replaceTeam: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TeamInput'];
      };
    };
    responses: {
      /** @description Replaced */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Team'];
        };
      };
    };
  };
  deleteTeam: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  listTeamMembers: {
    parameters: {
      query?: {
        offset?: components['parameters']['offset'];
        limit?: components['parameters']['limit'];
      };
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the team's members */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TeamMemberPage'];
        };
      };
      /** @description No such team */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  addTeamMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          employeeId: string;
        };
      };
    };
    responses: {
      /** @description Added (or already a member) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such team or employee */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  removeTeamMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        teamId: string;
        employeeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed (or was no member) */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
