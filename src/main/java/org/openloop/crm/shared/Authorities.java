package org.openloop.crm.shared;

/**
 * Names of the granted authorities the application checks. Module permissions are {@code <module>:<action>}
 * (A2), for example {@code organization:edit}; see {@link RequiresPermission}.
 */
public final class Authorities {

    /** Held by roles allowed to see sensitive fields unmasked (A4). */
    public static final String VIEW_SENSITIVE = "sensitive:view";

    /** Held by the built-in administrator role only. */
    public static final String ADMIN = "ROLE_ADMIN";

    private Authorities() {
    }

    public static String permission(String module, Action action) {
        return module + ":" + action.code();
    }

    /** The actions a permission combines with a module (A2). */
    public enum Action {
        VIEW, CREATE, EDIT, DELETE, EXPORT, ASSIGN;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
