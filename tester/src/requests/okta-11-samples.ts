// The original Okta tester's SCIM 1.1 sample requests (sdk/test/fixtures/okta-opp-scim11), as built-in defaults.
// `{customUrn}` stands for the app's custom schema URN; ids and names are replaced per run by the request builders.
export const CUSTOM_URN_PLACEHOLDER = '{customUrn}';

export const SAMPLE_11 = {
  createNewUser: {
    schemas: ['urn:scim:schemas:core:1.0', CUSTOM_URN_PLACEHOLDER],
    userName: 'myemail@domain.com',
    emails: [
      { primary: true, value: 'myemail@domain.com', type: 'primary' },
      { primary: false, value: 'mypersonalemail@domain.com', type: 'secondary' },
    ],
    phoneNumbers: [{ value: '123-444-5555', type: 'mobile' }],
    name: { familyName: 'LastName', givenName: 'FirstName' },
    active: true,
    password: 'verySecure',
    [CUSTOM_URN_PLACEHOLDER]: { isAdmin: false, isOkta: false, departmentName: 'Testing User' },
  },
  createPendingUser: {
    schemas: ['urn:scim:schemas:core:1.0', CUSTOM_URN_PLACEHOLDER],
    userName: 'myemail-pending@domain.com',
    emails: [
      { primary: true, value: 'myemail-pending@domain.com', type: 'primary' },
      { primary: false, value: 'mypersonalemail-pending@domain.com', type: 'secondary' },
    ],
    phoneNumbers: [{ value: '123-444-5555', type: 'mobile' }],
    name: { familyName: 'LastName-pending', givenName: 'FirstName-pending' },
    active: false,
    password: 'verySecure',
    [CUSTOM_URN_PLACEHOLDER]: { isAdmin: false, isOkta: false, departmentName: 'Testing User' },
  },
  /** activateUser, deactivateUser, reactivateUser and pushPasswordUpdate differ from this only in `active`/`password`. */
  existingUser: {
    schemas: [
      'urn:scim:schemas:core:1.0',
      'urn:scim:schemas:extension:enterprise:1.0',
      CUSTOM_URN_PLACEHOLDER,
    ],
    id: '101',
    userName: 'okta',
    name: { givenName: 'John', familyName: 'Smith' },
    emails: [{ value: 'jsmith@example.com', primary: true, type: 'work' }],
    active: true,
    password: 'inSecure',
    [CUSTOM_URN_PLACEHOLDER]: { isAdmin: false, isOkta: true, departmentName: 'Cloud Service' },
  },
  pushPasswordUpdate: { password: 'this-is-my-new-password' },
  pushProfileUpdate: {
    name: { givenName: 'John', familyName: 'Taylor' },
    emails: [{ value: 'jtaylor@example.com', primary: true, type: 'work' }],
    [CUSTOM_URN_PLACEHOLDER]: { isAdmin: false, isOkta: true, departmentName: 'Cloud Service Management' },
  },
  createGroup: {
    schemas: ['urn:scim:schemas:core:1.0', 'urn:okta:custom:group:1.0'],
    displayName: 'AppGroup-04',
    id: 'AppGroup-02',
    members: [
      { value: '101', display: 'okta' },
      { value: '102', display: 'admin' },
    ],
    'urn:okta:custom:group:1.0': { description: 'This is the second group' },
  },
  updateGroup: {
    schemas: ['urn:scim:schemas:core:1.0', 'urn:okta:custom:group:1.0'],
    displayName: 'AppGroup-Changed',
    id: '1002',
    members: [
      { value: '101', display: 'okta admin' },
      { value: '102', display: 'okta user' },
    ],
    'urn:okta:custom:group:1.0': { description: 'This is the changed first group' },
  },
} as const;
