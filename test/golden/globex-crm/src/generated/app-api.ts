// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The app API's types, from openapi.json by openapi-typescript.

export interface paths {
  '/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Contacts, page/size paged (page starts at 1) */
    get: operations['searchContacts'];
    put?: never;
    post: operations['createContact'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/contacts/{contactId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        contactId: string;
      };
      cookie?: never;
    };
    get: operations['getContact'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['updateContact'];
    trace?: never;
  };
  '/contacts/{contactId}/password': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        contactId: string;
      };
      cookie?: never;
    };
    get?: never;
    put: operations['setContactPassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['listGroups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    PersonName: {
      first: string;
      middle?: string | null;
      last: string;
    };
    /** @enum {string} */
    Status: 'invited' | 'active' | 'suspended';
    Membership: {
      groupId: string;
      groupName?: string;
      /** @enum {string} */
      role?: 'member' | 'owner';
    };
    NewContact: {
      login: string;
      name: components['schemas']['PersonName'];
      /** Format: email */
      email: string;
      phone?: string | null;
      /** @enum {string} */
      region?: 'emea' | 'amer' | 'apac';
      salesQuota?: number;
      territories?: string[];
      password?: string;
    };
    ContactChanges: {
      name?: components['schemas']['PersonName'];
      /** Format: email */
      email?: string;
      status?: components['schemas']['Status'];
      region?: string;
      salesQuota?: number;
      territories?: string[];
    };
    Contact: components['schemas']['NewContact'] & {
      /** Format: uuid */
      id: string;
      status: components['schemas']['Status'];
      memberships: components['schemas']['Membership'][];
      /** Format: date-time */
      updatedAt: string;
    };
    ContactPage: {
      content: components['schemas']['Contact'][];
      page: number;
      size: number;
      totalElements: number;
    };
    Group: {
      id: string;
      name: string;
    };
    GroupPage: {
      content: components['schemas']['Group'][];
      page: number;
      size: number;
      totalElements: number;
    };
    Problem: {
      type?: string;
      title: string;
      status?: number;
      detail?: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  searchContacts: {
    parameters: {
      query?: {
        page?: number;
        size?: number;
        login?: string;
        updatedSince?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of contacts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactPage'];
        };
      };
    };
  };
  createContact: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewContact'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Contact'];
        };
      };
      /** @description Login taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Problem'];
        };
      };
    };
  };
  getContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        contactId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The contact */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Contact'];
        };
      };
      /** @description No such contact */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Problem'];
        };
      };
    };
  };
  updateContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        contactId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/merge-patch+json': components['schemas']['ContactChanges'];
      };
    };
    responses: {
      /** @description Updated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Contact'];
        };
      };
    };
  };
  setContactPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        contactId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          password: string;
        };
      };
    };
    responses: {
      /** @description Password set */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  listGroups: {
    parameters: {
      query?: {
        page?: number;
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of groups */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupPage'];
        };
      };
    };
  };
}
