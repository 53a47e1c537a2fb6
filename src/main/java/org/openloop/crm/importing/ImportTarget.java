package org.openloop.crm.importing;

import java.util.List;

/**
 * Implemented, as a Spring bean, by every module whose records can be imported (B9). The import module finds the
 * implementation by {@link #recordType()}, reads and cleans the file, and hands over one row at a time, each in its
 * own transaction, running as the user who started the import. The implementation writes through its module's
 * facade, so the module's permission, scope, validation and duplicate rules apply unchanged.
 * <p>
 * Both methods return {@link RowResult#error} for a row that cannot be written, or may throw the module's usual
 * exceptions ({@code BusinessRuleException}, {@code RecordNotFoundException}, {@code AccessDeniedException}); the
 * row's transaction is then rolled back and the row reported as an error, while the other rows carry on.
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
}
