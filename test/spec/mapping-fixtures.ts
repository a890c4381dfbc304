// An app's OpenAPI document and a spec mapping it soundly, for the mapping-check tests to break one line at a time.

/** A small app: users with a status enum, paged by offset/limit, a password operation, org-scoped teams. */
export const APP_OPENAPI = `openapi: 3.0.3
info: { title: App, version: '1' }
paths:
  /users:
    get:
      operationId: listUsers
      parameters:
        - { name: offset, in: query, schema: { type: integer } }
        - { name: limit, in: query, schema: { type: integer } }
        - { name: login, in: query, schema: { type: string } }
      responses:
        '200':
          description: a page
          content:
            application/json:
              schema:
                type: object
                properties:
                  users: { type: array, items: { $ref: '#/components/schemas/User' } }
                  count: { type: integer }
                  next: { type: string }
    post:
      operationId: createUser
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/UserInput' }
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: { $ref: '#/components/schemas/User' }
  /users/{userId}:
    parameters:
      - { name: userId, in: path, required: true, schema: { type: string } }
    get:
      operationId: getUser
      responses:
        '200':
          description: the user
          content:
            application/json:
              schema: { $ref: '#/components/schemas/User' }
    put:
      operationId: replaceUser
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/UserInput' }
      responses:
        '204': { description: replaced }
    delete:
      responses:
        '204': { description: deleted }
  /users/{userId}/password:
    post:
      operationId: setPassword
      parameters:
        - { name: userId, in: path, required: true, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                type: { type: string }
                value: { type: string }
      responses:
        '204': { description: set }
  /orgs/{orgId}/teams:
    post:
      operationId: createTeam
      parameters:
        - { name: orgId, in: path, required: true, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                title: { type: string }
      responses:
        '201': { description: created, headers: {} }
  /orgs/{orgId}/teams/{teamId}/members:
    post:
      operationId: addMember
      parameters:
        - { name: orgId, in: path, required: true, schema: { type: string } }
        - { name: teamId, in: path, required: true, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                userId: { type: string }
      responses:
        '204': { description: added }
components:
  schemas:
    UserInput:
      type: object
      properties:
        login: { type: string }
        name:
          type: object
          properties:
            first: { type: string }
            last: { type: string }
        status: { type: string, enum: [ACTIVE, SUSPENDED] }
        createdAt: { type: integer, format: int64 }
        labels:
          type: object
          additionalProperties: true
    User:
      allOf:
        - $ref: '#/components/schemas/UserInput'
        - type: object
          properties:
            id: { type: string }
`;

/** A sound spec of that app; line numbers matter: the tests replace lines by their text. */
export const APP_SPEC = `name: app
capabilities: [PUSH_NEW_USERS, GROUP_PUSH]
backend:
  kind: openapi
  document: openapi.yaml
  baseUrl: https://app.example
  parameters: { orgId: '\${APP_ORG}' }
  users:
    create: createUser
    get: getUser
    update: replaceUser
    delete: DELETE /users/{userId}
    password: { operation: setPassword, body: { type: password, value: $password } }
    list:
      operation: listUsers
      items: users
      total: count
      paging: { style: offset, start: offset, size: limit }
      filters: { userName: login }
    attributes:
      userName: login
      name.givenName: name.first
      name.familyName: { app: name.last }
      active: { app: status, values: { 'true': ACTIVE, 'false': SUSPENDED } }
      meta.created: { app: createdAt, transform: epochMillis, direction: fromApp }
      title: labels.title
  groups:
    create: createTeam
    attributes:
      displayName: title
`;
