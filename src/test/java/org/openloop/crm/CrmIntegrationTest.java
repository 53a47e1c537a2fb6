package org.openloop.crm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.openloop.crm.testkit.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one set-up of every integration test: the whole application on a random port, profile {@code test} plus
 * {@code h2} or {@code postgresql} as chosen by {@code -Dcrm.test.database}. Every integration test uses exactly this
 * annotation and nothing else that changes the context (no {@code @MockitoBean}, no extra properties), so the suite
 * starts the application once. Tests create the data they need with unique names and never rely on each other.
 * <p>
 * When PostgreSQL was asked for and cannot be reached, the tests fail with a message saying so; they never skip.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(TestDatabase.RequireReachable.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
public @interface CrmIntegrationTest {
}
