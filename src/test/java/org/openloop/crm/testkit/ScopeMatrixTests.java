package org.openloop.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openloop.crm.CrmIntegrationTest;
import org.openloop.crm.testkit.DemoOrganization.DemoUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data-scope test kit (A3) on the test-only {@link ScopedNote}: the shared mechanism ({@code ScopedRepository}
 * with {@code AccessControl}'s scope) through every verb, and proof that the kit notices a module that leaks.
 */
@CrmIntegrationTest
class ScopeMatrixTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @TestFactory
    @DisplayName("A3 ScopedRepository: detail, list, edit, delete, export and assign obey each role's data scope")
    Stream<DynamicNode> scopedNoteMatrix() {
        return new ScopeMatrix(api, new ScopedNoteModule(api, jdbc)).tests();
    }

    @Test
    @DisplayName("A3 the kit fails for a module whose detail shows records outside the user's scope")
    void kitDetectsALeak() {
        ScopedNoteModule honest = new ScopedNoteModule(api, jdbc);
        // A broken module: every detail is fetched with the administrator's token, so sales1 "sees" everything.
        ScopedModule leaking = new ForwardingModule(honest) {
            @Override
            public Api.Response detail(String username, UUID id) {
                return honest.detail("admin", id);
            }
        };
        List<DynamicTest> failing = new ScopeMatrix(api, leaking).tests()
                .flatMap(ScopeMatrixTests::leaves)
                .filter(t -> t.getDisplayName().contains("detail: sales1 on a record of sales2"))
                .toList();
        assertThat(failing).hasSize(1);
        assertThatThrownBy(() -> failing.get(0).getExecutable().execute()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("404");
    }

    private static Stream<DynamicTest> leaves(DynamicNode node) {
        if (node instanceof DynamicTest test) {
            return Stream.of(test);
        }
        return ((org.junit.jupiter.api.DynamicContainer) node).getChildren().flatMap(ScopeMatrixTests::leaves);
    }

    /** Delegates everything, so a test can break one verb. */
    static class ForwardingModule implements ScopedModule {

        private final ScopedModule delegate;

        ForwardingModule(ScopedModule delegate) {
            this.delegate = delegate;
        }

        public String name() {
            return delegate.name();
        }

        public String permissionModule() {
            return delegate.permissionModule();
        }

        public List<Verb> verbs() {
            return List.of(Verb.DETAIL);
        }

        public UUID create(DemoUser owner, String title) {
            return delegate.create(owner, title);
        }

        public Optional<Stored> stored(UUID id) {
            return delegate.stored(id);
        }

        public Api.Response detail(String username, UUID id) {
            return delegate.detail(username, id);
        }

        public Api.Response list(String username, String marker) {
            return delegate.list(username, marker);
        }

        public Api.Response edit(String username, UUID id, String newTitle) {
            return delegate.edit(username, id, newTitle);
        }

        public Api.Response delete(String username, UUID id) {
            return delegate.delete(username, id);
        }

        public Api.Response export(String username, String marker) {
            return delegate.export(username, marker);
        }

        public Api.Response assign(String username, UUID id, DemoUser assignee) {
            return delegate.assign(username, id, assignee);
        }

        public String assignee() {
            return delegate.assignee();
        }

        public String titleField() {
            return delegate.titleField();
        }
    }
}
