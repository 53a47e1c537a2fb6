package org.openloop.crm.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openloop.crm.shared.DataScope.Level;

import tools.jackson.databind.JsonNode;

/**
 * The demo company as the administrator sees it over the API: users, their departments, and what their roles
 * grant (data scope, permissions). This is the oracle of the scope matrix: which records a user should see is
 * computed here from the department tree and the role's scope level, independently of the application's own
 * {@code AccessControl}.
 */
public final class DemoOrganization {

    /** The demo users, in the order the matrix walks them. */
    public static final List<String> USERNAMES = List.of("admin", "manager", "sales1", "sales2", "supervisor",
            "service1", "tech1");

    /** A demo user with the union of their roles' grants. */
    public record DemoUser(String username, UUID id, UUID departmentId, Level scope, Set<String> permissions,
            boolean viewSensitive) {

        public boolean may(String module, String action) {
            return permissions.contains(module + ":" + action);
        }

        @Override
        public String toString() {
            return username;
        }
    }

    private final Map<String, DemoUser> users;
    private final Map<UUID, UUID> parents;
    private final Map<UUID, String> departmentNames;

    private DemoOrganization(Map<String, DemoUser> users, Map<UUID, UUID> parents, Map<UUID, String> names) {
        this.users = users;
        this.parents = parents;
        this.departmentNames = names;
    }

    public static DemoOrganization load(Api api) {
        Map<String, JsonNode> roles = new HashMap<>();
        for (JsonNode role : api.get("/api/v1/roles").as("admin").send().json()) {
            roles.put(role.get("code").asString(), role);
        }
        Map<UUID, UUID> parents = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (JsonNode department : api.get("/api/v1/departments").as("admin").send().json()) {
            UUID id = UUID.fromString(department.get("id").asString());
            JsonNode parent = department.get("parentId");
            parents.put(id, parent == null || parent.isNull() ? null : UUID.fromString(parent.asString()));
            names.put(id, department.get("name").asString());
        }
        Map<String, DemoUser> users = new LinkedHashMap<>();
        for (String username : USERNAMES) {
            JsonNode found = null;
            for (JsonNode user : api.get("/api/v1/users?size=10&q=" + username).as("admin").send().json()
                    .get("items")) {
                if (user.get("username").asString().equals(username)) {
                    found = user;
                }
            }
            if (found == null) {
                throw new IllegalStateException("Demo user " + username + " is missing: is crm.demo.enabled on?");
            }
            Level scope = Level.OWN;
            Set<String> permissions = new HashSet<>();
            boolean sensitive = false;
            for (JsonNode code : found.get("roleCodes")) {
                JsonNode role = roles.get(code.asString());
                Level level = Level.valueOf(role.get("dataScope").asString());
                scope = level.compareTo(scope) > 0 ? level : scope;
                role.get("permissions").forEach(p -> permissions.add(p.asString()));
                sensitive |= role.get("viewSensitive").asBoolean();
            }
            JsonNode department = found.get("departmentId");
            users.put(username, new DemoUser(username, UUID.fromString(found.get("id").asString()),
                    department == null || department.isNull() ? null : UUID.fromString(department.asString()),
                    scope, Set.copyOf(permissions), sensitive));
        }
        return new DemoOrganization(users, parents, names);
    }

    public DemoUser user(String username) {
        DemoUser user = users.get(username);
        if (user == null) {
            throw new IllegalArgumentException("not a demo user: " + username);
        }
        return user;
    }

    public Collection<DemoUser> users() {
        return users.values();
    }

    public String departmentName(UUID id) {
        return departmentNames.get(id);
    }

    /** Whether {@code viewer} should see a record owned by {@code ownerId} in {@code departmentId} (A3). */
    public boolean sees(DemoUser viewer, UUID ownerId, UUID departmentId) {
        if (viewer.scope() == Level.COMPANY || viewer.id().equals(ownerId)) {
            return true;
        }
        if (departmentId == null || viewer.departmentId() == null) {
            return false;
        }
        return switch (viewer.scope()) {
            case OWN -> false;
            case DEPARTMENT -> departmentId.equals(viewer.departmentId());
            case DEPARTMENT_TREE -> ancestorsOrSelf(departmentId).contains(viewer.departmentId());
            case COMPANY -> true;
        };
    }

    private List<UUID> ancestorsOrSelf(UUID department) {
        List<UUID> chain = new ArrayList<>();
        for (UUID d = department; d != null && !chain.contains(d); d = parents.get(d)) {
            chain.add(d);
        }
        return chain;
    }
}
