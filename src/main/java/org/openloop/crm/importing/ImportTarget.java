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
     * Writes the rows of a chunk at once, when the target can do that faster than row by row (one duplicate lookup
     * and one insert batch for all of them), or answers {@code null} when it cannot (for this policy), and the rows
     * then go through {@link #write} one at a time. The results, one per row and in order, must be those that
     * {@link #write} would give row after row, including for a row that repeats an earlier row of the same chunk.
     * Runs in the chunk's transaction; if it throws, the chunk is rolled back and redone row by row.
     */
    default List<RowResult> writeAll(List<ImportRow> rows, DuplicatePolicy policy) {
        return null;
    }

    /**
     * Whether {@link #write} returns {@link RowResult#error} only before it has written anything. Then such a row
     * simply stays in its chunk; otherwise the chunk is rolled back and redone around the row to undo what it wrote,
     * which costs the rows before it a second run. Thrown exceptions are always undone that way.
     */
    default boolean errorsWriteNothing() {
        return false;
    }
}
