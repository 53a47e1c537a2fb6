package org.openloop.crm.platform;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openloop.crm.shared.CrmPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated user as Spring Security sees it. Authorities are the module permissions of the user's roles
 * (A2) plus {@code sensitive:view} where a role grants it (A4).
 */
public final class CrmUserDetails implements UserDetails, CrmPrincipal {

    private final UUID userId;
    private final String username;
    private final String displayName;
    private final String passwordHash;
    private final boolean active;
    private final List<GrantedAuthority> authorities;

    public CrmUserDetails(UUID userId, String username, String displayName, String passwordHash, boolean active,
            Collection<String> authorities) {
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.active = active;
        this.authorities = authorities.stream().sorted().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    /** A copy without the password hash, as kept in the session. */
    public CrmUserDetails withoutPassword() {
        return new CrmUserDetails(userId, username, displayName, "",  active,
                authorities.stream().map(GrantedAuthority::getAuthority).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CrmUserDetails that && that.userId.equals(userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        return "CrmUserDetails[" + username + "]";
    }
}
