// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The app API's types, from openapi.json by openapi-typescript.

export interface paths {
  '/orgs/{orgId}/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
      };
      cookie?: never;
    };
    /** Contacts, page/size paged (page starts at 1); a bare array, counted by countContacts */
    get: operations['searchContacts'];
    put?: never;
    /** Creates a contact; its id is only in the Location header */
    post: operations['createContact'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orgs/{orgId}/contacts/count': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
      };
      cookie?: never;
    };
    get: operations['countContacts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orgs/{orgId}/contacts/{contactId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        contactId: string;
      };
      cookie?: never;
    };
    get: operations['getContact'];
    put?: never;
    post?: never;
    delete: operations['deleteContact'];
    options?: never;
    head?: never;
    /** Changes the fields sent (JSON merge patch); answers 204 with no body */
    patch: operations['updateContact'];
    trace?: never;
  };
  '/orgs/{orgId}/contacts/{contactId}/credentials': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        contactId: string;
      };
      cookie?: never;
    };
    get?: never;
    /** Sets a credential: { type: password, value, temporary } */
    put: operations['setContactCredential'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orgs/{orgId}/contacts/{contactId}/groups': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        contactId: string;
      };
      cookie?: never;
    };
    get: operations['listContactGroups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orgs/{orgId}/contacts/{contactId}/groups/{groupId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        contactId: string;
        groupId: string;
      };
      cookie?: never;
    };
    get?: never;
    put: operations['addContactToGroup'];
    post?: never;
    delete: operations['removeContactFromGroup'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orgs/{orgId}/groups': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
      };
      cookie?: never;
    };
    get: operations['listGroups'];
    put?: never;
    post: operations['createGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orgs/{orgId}/groups/{groupId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        groupId: string;
      };
      cookie?: never;
    };
    get: operations['getGroup'];
    /** Renames the group; answers 204 with no body */
    put: operations['renameGroup'];
    post?: never;
    delete: operations['deleteGroup'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orgs/{orgId}/groups/{groupId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        groupId: string;
      };
      cookie?: never;
    };
    /** The group's contacts, page/size paged */
    get: operations['listGroupMembers'];
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
    Status: 'INVITED' | 'ACTIVE' | 'SUSPENDED';
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
      status?: components['schemas']['Status'];
    };
    ContactChanges: {
      name?: components['schemas']['PersonName'];
      /** Format: email */
      email?: string;
      status?: components['schemas']['Status'];
      region?: string;
      salesQuota?: number;
      territories?: string[];
      phone?: string | null;
    };
    Contact: components['schemas']['NewContact'] & {
      /** Format: uuid */
      id: string;
      memberships?: components['schemas']['Membership'][];
      /**
       * Format: int64
       * @description Epoch milliseconds
       */
      createdAt: number;
      /**
       * Format: int64
       * @description Epoch milliseconds
       */
      updatedAt: number;
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
    Credential: {
      /** @enum {string} */
      type: 'password';
      value: string;
      temporary?: boolean;
    };
    NewGroup: {
      name: string;
    };
    Member: {
      contactId: string;
      login?: string;
    };
    MemberPage: {
      content: components['schemas']['Member'][];
      page: number;
      size: number;
      totalElements: number;
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
        /** @description Only the contact with this login (compared without regard to case) */
        login?: string;
      };
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
      };
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
          'application/json': components['schemas']['Contact'][];
        };
      };
    };
  };
  createContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewContact'];
      };
    };
    responses: {
      /** @description Created: Location is /orgs/{orgId}/contacts/{contactId} */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Login taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  countContacts: {
    parameters: {
      query?: {
        /** @description Only the contact with this login (compared without regard to case) */
        login?: string;
      };
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description How many contacts match */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
          };
        };
      };
    };
  };
  getContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
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
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  deleteContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        contactId: string;
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
      /** @description No such contact */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  updateContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
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
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such contact */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  setContactCredential: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        contactId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Credential'];
      };
    };
    responses: {
      /** @description Credential set */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such contact */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listContactGroups: {
    parameters: {
      query?: {
        page?: number;
        size?: number;
      };
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        contactId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The contact's groups */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Group'][];
        };
      };
    };
  };
  addContactToGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        contactId: string;
        groupId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Added */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  removeContactFromGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        contactId: string;
        groupId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
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
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
      };
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
  createGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewGroup'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Group'];
        };
      };
      /** @description A group with this name exists */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        groupId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The group */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Group'];
        };
      };
      /** @description No such group */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  renameGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        groupId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewGroup'];
      };
    };
    responses: {
      /** @description Renamed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such group */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  deleteGroup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        groupId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted, with its memberships */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such group */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listGroupMembers: {
    parameters: {
      query?: {
        page?: number;
        size?: number;
      };
      header?: never;
      path: {
        /** @description The customer organisation (tenant) the connector provisions into */
        orgId: string;
        groupId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the group's contacts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberPage'];
        };
      };
      /** @description No such group */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
