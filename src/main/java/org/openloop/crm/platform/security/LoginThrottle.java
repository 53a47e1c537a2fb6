package org.openloop.crm.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brute-force protection: after {@code crm.security.max-failed-logins} wrong passwords in a row (default 5) an
 * account is locked for {@code crm.security.lockout} (default 15 minutes), whether the attempts came through the
 * login form or the token API. Counted per username, including unknown ones, so probing reveals nothing.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int maxFailures;
    private final Duration lockout;

    LoginThrottle(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
            @Value("${crm.security.max-failed-logins:5}") int maxFailures,
            @Value("${crm.security.lockout:15m}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @Transactional(readOnly = true)
    public boolean isLocked(String username) {
        return jdbc.sql("select locked_until from login_attempt where username = ?")
                .param(key(username))
                .query(java.time.OffsetDateTime.class)
                .optional()
                .map(until -> until.toInstant().isAfter(clock.instant()))
                .orElse(false);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = key(event.getAuthentication().getName());
        Instant now = clock.instant();
        java.time.OffsetDateTime nowUtc = now.atOffset(java.time.ZoneOffset.UTC);
        int failures = jdbc.sql("select failures from login_attempt where username = ?").param(username)
                .query(Integer.class).optional().orElse(0) + 1;
        Instant lockedUntil = failures >= maxFailures ? now.plus(lockout) : null;
        int updated = jdbc.sql("update login_attempt set failures = ?, last_failure_at = ?, locked_until = ? "
                + "where username = ?").params(lockedUntil == null ? failures : 0, nowUtc, utc(lockedUntil), username).update();
        if (updated == 0) {
            jdbc.sql("insert into login_attempt (username, failures, last_failure_at, locked_until) values (?, ?, ?, ?)")
                    .params(username, lockedUntil == null ? failures : 0, nowUtc, utc(lockedUntil)).update();
        }
        if (lockedUntil != null) {
            events.publishEvent(new org.openloop.crm.platform.AccountLocked(username, lockedUntil));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onSuccess(AuthenticationSuccessEvent event) {
        jdbc.sql("delete from login_attempt where username = ?").param(key(event.getAuthentication().getName()))
                .update();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
