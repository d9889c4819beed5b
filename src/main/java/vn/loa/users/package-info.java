/**
 * Users and access: accounts with the roles EDITOR, APPROVER and ADMIN (passwords
 * hashed), personal API tokens (shown once, stored as hashes), the security rules for the
 * console, the API, the public portal, feeds and provider webhooks, and the demo users of
 * the embedded default. Production refuses to start with demo users and takes the first
 * admin's password from the environment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Users")
package vn.loa.users;
