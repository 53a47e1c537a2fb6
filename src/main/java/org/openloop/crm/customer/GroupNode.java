package org.openloop.crm.customer;

import java.util.List;
import java.util.UUID;

/** A customer in a group tree (B4); members the reader may not open show neither name nor number. */
public record GroupNode(UUID id, String number, String name, boolean visible, boolean current,
        List<GroupNode> children) {
}
