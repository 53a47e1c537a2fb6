/**
 * Web and security plumbing used by every module: authentication (form login, API tokens, lockout), security
 * headers, problem+json errors, localisation, exports and idempotent creates. Depends on no business module; the
 * organisation module plugs users in through {@link org.openloop.crm.platform.CrmUserDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.openloop.crm.platform;
