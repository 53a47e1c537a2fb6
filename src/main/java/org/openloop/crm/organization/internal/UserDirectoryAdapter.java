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

    UserDirectoryAdapter(Users users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CrmUserDetails> findByUsername(String username) {
        return users.findByUsernameIgnoreCase(username == null ? "" : username.trim()).map(UserDirectoryAdapter::details);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CrmUserDetails> findById(UUID userId) {
        return users.findById(userId).map(UserDirectoryAdapter::details);
    }

    static CrmUserDetails details(UserAccount user) {
        Set<String> authorities = new TreeSet<>();
        for (Role role : user.getRoles()) {
            authorities.addAll(role.getPermissions());
            authorities.add("ROLE_" + role.getCode());
            if (role.isViewSensitive()) {
                authorities.add(Authorities.VIEW_SENSITIVE);
            }
        }
        return new CrmUserDetails(user.getId(), user.getUsername(), user.getDisplayName(), user.getPasswordHash(),
                user.isActive(), authorities);
    }
}
