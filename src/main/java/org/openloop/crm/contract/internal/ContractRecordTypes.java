package org.openloop.crm.contract.internal;

import java.util.UUID;

import org.openloop.crm.attachment.AttachableRecordType;
import org.openloop.crm.comment.CommentableRecordType;
import org.openloop.crm.organization.AccessControl;
import org.openloop.crm.shared.Authorities;
import org.openloop.crm.shared.CrmPrincipal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts carry attachments (signed scans) and comments: reading them is reading the contract (404 outside the
 * scope, 403 without {@code contract:view}); adding or removing files needs {@code contract:edit}.
 */
@Configuration(proxyBeanMethods = false)
class ContractRecordTypes {

    static final String TYPE = "contract";

    @Bean
    AttachableRecordType attachableContracts(Contracts contracts, AccessControl access) {
        return new AttachableRecordType() {
            @Override
            public String recordType() {
                return TYPE;
            }

            @Override
            public void checkReadable(UUID recordId) {
                require(access, Authorities.Action.VIEW);
                contracts.getVisible(recordId, access.currentScope(), TYPE);
            }

            @Override
            public void checkEditable(UUID recordId) {
                checkReadable(recordId);
                require(access, Authorities.Action.EDIT);
            }
        };
    }

    @Bean
    CommentableRecordType commentableContracts(Contracts contracts, AccessControl access) {
        return new CommentableRecordType() {
            @Override
            public String recordType() {
                return TYPE;
            }

            @Override
            @Transactional(readOnly = true)
            public void checkReadable(UUID recordId) {
                require(access, Authorities.Action.VIEW);
                contracts.getVisible(recordId, access.currentScope(), TYPE);
            }

            @Override
            @Transactional(readOnly = true)
            public boolean canRead(UUID userId, UUID recordId) {
                return access.hasPermission(userId, TYPE, Authorities.Action.VIEW)
                        && contracts.findById(recordId).map(c -> access.scopeOf(userId).allows(c)).orElse(false);
            }

            @Override
            @Transactional(readOnly = true)
            public String label(UUID recordId) {
                return contracts.getVisible(recordId, access.currentScope(), TYPE).getNumber();
            }

            @Override
            public String link(UUID recordId) {
                return "/contracts/" + recordId;
            }
        };
    }

    private static void require(AccessControl access, Authorities.Action action) {
        boolean allowed = CrmPrincipal.current()
                .map(p -> access.hasPermission(p.userId(), TYPE, action)).orElse(false);
        if (!allowed) {
            throw new AccessDeniedException(TYPE + ":" + action.code());
        }
    }
}
