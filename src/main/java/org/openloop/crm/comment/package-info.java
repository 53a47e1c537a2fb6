/**
 * Comments with @mentions on any record (E8). The module owning a record type implements
 * {@link org.openloop.crm.comment.CommentableRecordType}, so reading and writing comments is exactly reading the
 * record, and a mentioned user is told only when they may read the record themselves. A module of its own because
 * both customers and collaboration tasks carry comments and collaboration depends on customers: inside either of
 * them it would make the dependency circular.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Comments")
package org.openloop.crm.comment;
