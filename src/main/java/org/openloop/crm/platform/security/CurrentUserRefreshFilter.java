package org.openloop.crm.platform.security;

import java.io.IOException;

import org.openloop.crm.platform.CrmUserDetails;
import org.openloop.crm.platform.CrmUserDirectory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Reloads the signed-in user on every UI request, so a deactivation or a change of roles takes effect at once
 * rather than at the next login. A deactivated user's session is ended.
 */
@Component
class CurrentUserRefreshFilter extends OncePerRequestFilter {

    private final CrmUserDirectory users;

    CurrentUserRefreshFilter(CrmUserDirectory users) {
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof CrmUserDetails principal) {
            var fresh = users.findById(principal.userId()).filter(CrmUserDetails::isEnabled);
            if (fresh.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            else {
                CrmUserDetails user = fresh.get().withoutPassword();
                var refreshed = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                refreshed.setDetails(current.getDetails());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(refreshed);
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
