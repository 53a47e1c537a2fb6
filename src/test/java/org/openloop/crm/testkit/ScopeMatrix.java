package org.openloop.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.openloop.crm.testkit.DemoOrganization.DemoUser;
import org.openloop.crm.testkit.ScopedModule.Stored;
import org.openloop.crm.testkit.ScopedModule.Verb;

/**
 * The data-scope matrix (A3) for one module: every demo user × a record owned by every demo user, through every verb
 * the module offers. Expected visibility comes from {@link DemoOrganization#sees} (role scope and department tree);
 * a verb the user's role lacks must answer 403.
 * <ul>
 * <li>detail, edit, delete, assign: a visible record answers 2xx and the change is stored; an invisible one answers
 * 404, its content never appears in the body, and nothing is changed.</li>
 * <li>list and export contain exactly the visible records.</li>
 * </ul>
 * Use from a {@code @TestFactory}: {@code return new ScopeMatrix(api, module).tests();}
 */
public final class ScopeMatrix {

    private final Api api;
    private final ScopedModule module;
    private final DemoOrganization organization;
    private final String run = "A3" + UUID.randomUUID().toString().substring(0, 8);

    public ScopeMatrix(Api api, ScopedModule module) {
        this.api = api;
        this.module = module;
        this.organization = DemoOrganization.load(api);
    }

    public DemoOrganization organization() {
        return organization;
    }

    /** Whether {@code viewer} may use {@code verb} at all (role permission). */
    public boolean permitted(DemoUser viewer, Verb verb) {
        return module.permissionModule() == null || viewer.may(module.permissionModule(), verb.action());
    }

    /** The dynamic tests: one container per verb, one test per user (and per record owner where it applies). */
    public Stream<DynamicNode> tests() {
        String listMarker = run + "-list-";
        Map<DemoUser, UUID> shared = new LinkedHashMap<>();
        Map<DemoUser, String> sharedTitles = new LinkedHashMap<>();
        for (DemoUser owner : organization.users()) {
            String title = listMarker + owner.username();
            shared.put(owner, module.create(owner, title));
            sharedTitles.put(owner, title);
        }
        List<DynamicNode> verbs = new ArrayList<>();
        for (Verb verb : module.verbs()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (DemoUser viewer : organization.users()) {
                if (verb == Verb.LIST || verb == Verb.EXPORT) {
                    tests.add(collectionTest(verb, viewer, listMarker, shared, sharedTitles));
                    continue;
                }
                for (DemoUser owner : organization.users()) {
                    tests.add(recordTest(verb, viewer, owner, shared.get(owner), sharedTitles.get(owner)));
                }
            }
            verbs.add(dynamicContainer("A3 " + module.name() + " " + verb.name().toLowerCase(), tests));
        }
        return verbs.stream();
    }

    private DynamicNode recordTest(Verb verb, DemoUser viewer, DemoUser owner, UUID sharedId, String sharedTitle) {
        boolean permitted = permitted(viewer, verb);
        boolean visible = organization.sees(viewer, owner.id(), owner.departmentId());
        int expected = !permitted ? 403 : visible ? 200 : 404;
        String name = "A3 " + module.name() + " " + verb.name().toLowerCase() + ": " + viewer + " on a record of "
                + owner + " → " + (expected == 200 ? "2xx" : String.valueOf(expected));
        return dynamicTest(name, () -> {
            if (verb == Verb.DETAIL) {
                Api.Response response = module.detail(viewer.username(), sharedId);
                check(response, expected, sharedTitle);
                if (expected == 200) {
                    assertThat(response.text()).as("detail shows the record").contains(sharedTitle);
                }
                return;
            }
            // Changing verbs work on a fresh record each, so the outcome can be checked in the database.
            String title = run + "-" + verb.name().toLowerCase() + "-" + viewer.username() + "-" + owner.username();
            UUID id = module.create(owner, title);
            Api.Response response = switch (verb) {
                case EDIT -> module.edit(viewer.username(), id, title + "-edited");
                case DELETE -> module.delete(viewer.username(), id);
                case ASSIGN -> module.assign(viewer.username(), id,
                        organization.user(module.assignee()));
                default -> throw new IllegalStateException(verb.name());
            };
            check(response, expected, title);
            Optional<Stored> stored = module.stored(id);
            switch (verb) {
                case EDIT -> assertThat(stored).get().extracting(Stored::title)
                        .isEqualTo(expected == 200 ? title + "-edited" : title);
                case DELETE -> assertThat(stored.isPresent()).as("record still stored").isEqualTo(expected != 200);
                case ASSIGN -> assertThat(stored).get().extracting(Stored::ownerId)
                        .isEqualTo(expected == 200 ? organization.user(module.assignee()).id() : owner.id());
                default -> {
                }
            }
        });
    }

    private DynamicNode collectionTest(Verb verb, DemoUser viewer, String marker, Map<DemoUser, UUID> shared,
            Map<DemoUser, String> titles) {
        List<String> expectedTitles = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        titles.forEach((owner, title) -> (organization.sees(viewer, owner.id(), owner.departmentId())
                ? expectedTitles : hidden).add(title));
        boolean permitted = permitted(viewer, verb);
        String name = "A3 " + module.name() + " " + verb.name().toLowerCase() + ": " + viewer + " gets "
                + (permitted ? "exactly the records of " + owners(viewer) : "403");
        return dynamicTest(name, () -> {
            Api.Response response = verb == Verb.LIST ? module.list(viewer.username(), marker)
                    : module.export(viewer.username(), marker);
            if (!permitted) {
                assertThat(response.status()).as("%s", response).isEqualTo(403);
                hidden.addAll(expectedTitles);
                hidden.forEach(t -> assertThat(response.text()).doesNotContain(t));
                return;
            }
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            List<String> got = verb == Verb.LIST ? module.titlesOfList(response) : module.titlesOfExport(response);
            assertThat(got).as("%s of %s", verb, viewer).containsExactlyInAnyOrderElementsOf(expectedTitles);
        });
    }

    private String owners(DemoUser viewer) {
        return organization.users().stream()
                .filter(owner -> organization.sees(viewer, owner.id(), owner.departmentId()))
                .map(DemoUser::username).toList().toString();
    }

    private static void check(Api.Response response, int expected, String title) {
        if (expected == 200) {
            assertThat(response.successful()).as("%s", response).isTrue();
            return;
        }
        assertThat(response.status()).as("%s", response).isEqualTo(expected);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text()).as("an inaccessible record's content never shows").doesNotContain(title);
    }
}
