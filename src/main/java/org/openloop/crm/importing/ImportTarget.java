package org.openloop.crm.importing;

import java.util.List;

/**
 * Implemented, as a Spring bean, by every module whose records can be imported (B9). The import module finds the
 * implementation by {@link #recordType()}, reads and cleans the file, and hands over one row at a time, running as
 * the user who started the import. The implementation writes through its module's facade, so the module's
 * permission, scope, validation and duplicate rules apply unchanged.
 * <p>
 * Rows are written in chunks that share a transaction; the persistence context is flushed after each row, so a row
 * sees what the rows before it wrote (a duplicate of an earlier row of the same file is found). A row may run twice:
 * when a later row of its chunk fails, the chunk is rolled back and redone. So whatever an implementation keeps from
 * one row to the next must not depend on what earlier rows wrote.
 * <p>
 * Both methods return {@link RowResult#error} for a row that cannot be written, or may throw the module's usual
 * exceptions ({@code BusinessRuleException}, {@code RecordNotFoundException}, {@code AccessDeniedException}); what the
 * row wrote is then rolled back and the row reported as an error, while the other rows carry on.
 */
public interface ImportTarget {

    /** The record type as URLs and jobs name it ({@code customer}). */
    String recordType();

    /** The permission module: importing needs {@code <module>:create}, policy UPDATE also {@code <module>:edit}. */
    String permissionModule();

    /** The columns a file may have, in template order. */
    List<ImportColumn> columns();

    /** What {@link #write} would do with the row, without changing anything (dry run). */
    RowResult validate(ImportRow row, DuplicatePolicy policy);

    /** Writes one row. */
    RowResult write(ImportRow row, DuplicatePolicy policy);

    /**
     * Whether {@link #write} returns {@link RowResult#error} only before it has written anything. Then such a row
     * simply stays in its chunk; otherwise the chunk is rolled back and redone around the row to undo what it wrote,
     * which costs the rows before it a second run. Thrown exceptions are always undone that way.
     */
    default boolean errorsWriteNothing() {
        return false;
    }
}
