package org.openloop.crm.organization.internal;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.openloop.crm.platform.CrmUserDetails;
import org.openloop.crm.platform.CrmUserDirectory;
import org.openloop.crm.shared.Authorities;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets the platform's authentication find users and their authorities. */
@Component
class UserDirectoryAdapter implements CrmUserDirectory {

    private final Users users;
    private final OrganizationCache cache;

    UserDirectoryAdapter(Users users, OrganizationCache cache) {
        this.users = users;
        this.cache = cache;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CrmUserDetails> findByUsername(String username) {
        return users.findByUsernameIgnoreCase(username == null ? "" : username.trim()).map(UserDirectoryAdapter::details);
    }

    /** From the {@link OrganizationCache}, so without the password hash. */
    @Override
    public Optional<CrmUserDetails> findById(UUID userId) {
        return cache.user(userId).map(UserDirectoryAdapter::details);
    }

    /** With the password hash: for signing in. */
    static CrmUserDetails details(UserAccount user) {
        return details(UserFacts.of(user), user.getPasswordHash());
    }

    private static CrmUserDetails details(UserFacts user) {
        return details(user, null);
    }

    private static CrmUserDetails details(UserFacts user, String passwordHash) {
        Set<String> authorities = new TreeSet<>(user.permissions());
        user.roleCodes().forEach(code -> authorities.add("ROLE_" + code));
        if (user.viewSensitive()) {
            authorities.add(Authorities.VIEW_SENSITIVE);
        }
        return new CrmUserDetails(user.id(), user.username(), user.displayName(), passwordHash, user.active(),
                authorities);
    }
}
