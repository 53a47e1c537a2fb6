package org.openloop.crm.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.openloop.crm.platform.ApiTokenManagement;
import org.openloop.crm.platform.CrmUserDetails;
import org.openloop.crm.platform.CrmUserDirectory;
import org.openloop.crm.platform.web.ProblemResponses;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates API calls carrying {@code Authorization: Bearer <token>}. A token that is unknown, revoked, expired
 * or whose user was deactivated answers 401 at once.
 */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenCache tokens;
    private final CrmUserDirectory users;
    private final ProblemResponses problems;
    private final Clock clock;

    BearerTokenFilter(ApiTokenCache tokens, CrmUserDirectory users, ProblemResponses problems, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CrmUserDetails> user = authenticate(header.substring(7).trim());
        if (user.isEmpty()) {
            problems.write(request, response, 401);
            return;
        }
        CrmUserDetails principal = user.get().withoutPassword();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<CrmUserDetails> authenticate(String token) {
        Instant now = clock.instant();
        return tokens.find(ApiTokenManagement.hash(token)).filter(t -> t.isUsableAt(now)).flatMap(t -> {
            tokens.used(t, now);
            return users.findById(t.userId());
        }).filter(CrmUserDetails::isEnabled);
    }
}
