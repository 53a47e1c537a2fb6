/**
 * Test kit shared by the integration tests.
 * <ul>
 * <li>{@link org.openloop.crm.testkit.Api}: real HTTP against the running application, with cached personal access
 * tokens of the demo users ({@code api.get("/api/v1/customers").as("sales1").send()}).</li>
 * <li>{@link org.openloop.crm.testkit.WebSession}: page requests with a session cookie and CSRF tokens, no
 * browser.</li>
 * <li>{@link org.openloop.crm.testkit.TestData}: users, roles and customers under unique names.</li>
 * <li>Data scope (A3): implement {@link org.openloop.crm.testkit.ScopedModule} for a module's owned records (how
 * to store a record owned by a user, how to call each verb over HTTP) and return
 * {@code new ScopeMatrix(api, module).tests()} from a {@code @TestFactory}; see {@code CustomerModule} and
 * {@code ContactModule}. {@link org.openloop.crm.testkit.DemoOrganization} computes who should see what from the
 * role scopes and the department tree.</li>
 * </ul>
 * {@link org.openloop.crm.testkit.ScopedNote} and its controller exist only in tests, to test the kit and
 * {@code ScopedRepository} on their own (table from {@code db/testmigration}).
 */
package org.openloop.crm.testkit;
