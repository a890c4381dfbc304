// Public API of scim-connector-tester.
export {};
