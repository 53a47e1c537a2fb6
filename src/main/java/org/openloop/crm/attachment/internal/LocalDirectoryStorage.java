package org.openloop.crm.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

import org.openloop.crm.attachment.AttachmentStorage;

/**
 * Keeps attachment content as files under one directory, sharded by the first characters of the key
 * ({@code 3f/a2/3fa2…}) so no folder grows huge. A file is written to {@code tmp/} first and moved into place only
 * when complete, so a failed or aborted upload never leaves a partial file under a key.
 */
public class LocalDirectoryStorage implements AttachmentStorage {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path root;

    public LocalDirectoryStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public long write(String key, InputStream content) throws IOException {
        Path target = path(key);
        Path temporary = root.resolve("tmp");
        Files.createDirectories(temporary);
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(temporary, "upload-", ".part");
        try {
            long written = Files.copy(content, part, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
            return written;
        }
        finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }
}
