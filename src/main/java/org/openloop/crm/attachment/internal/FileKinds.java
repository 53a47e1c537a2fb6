package org.openloop.crm.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;

/**
 * Decides whether a file may be attached: its extension names an allowed kind, and the type sniffed from its first
 * bytes (Apache Tika's magic-byte detection, ignoring the name and the client's claimed type) is one that kind may
 * have. An HTML page or an SVG renamed {@code .png} sniffs as {@code text/html} or {@code image/svg+xml} and is
 * refused. The matching is exact on purpose: Tika counts every {@code text/*} type as a kind of
 * {@code text/plain}, and HTML must not pass as a text file.
 */
public final class FileKinds {

    /** One kind of file: its name in {@code crm.attachments.allowed-types}, extensions and acceptable content. */
    public record Kind(String name, List<String> extensions, String contentType, Set<String> sniffedTypes) {
    }

    private static final String OOXML = "application/x-tika-ooxml";
    private static final String ZIP = "application/zip";
    private static final String OLE2 = "application/x-tika-msoffice";

    static final List<Kind> KNOWN = List.of(
            new Kind("pdf", List.of("pdf"), "application/pdf", Set.of("application/pdf")),
            new Kind("png", List.of("png"), "image/png", Set.of("image/png")),
            new Kind("jpeg", List.of("jpg", "jpeg"), "image/jpeg", Set.of("image/jpeg")),
            new Kind("gif", List.of("gif"), "image/gif", Set.of("image/gif")),
            new Kind("webp", List.of("webp"), "image/webp", Set.of("image/webp")),
            new Kind("txt", List.of("txt"), "text/plain", Set.of("text/plain")),
            new Kind("csv", List.of("csv"), "text/csv", Set.of("text/plain")),
            new Kind("docx", List.of("docx"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of(OOXML, ZIP)),
            new Kind("xlsx", List.of("xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    Set.of(OOXML, ZIP)),
            new Kind("pptx", List.of("pptx"),
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation", Set.of(OOXML, ZIP)),
            new Kind("doc", List.of("doc"), "application/msword", Set.of(OLE2)),
            new Kind("xls", List.of("xls"), "application/vnd.ms-excel", Set.of(OLE2)),
            new Kind("zip", List.of("zip"), "application/zip", Set.of(ZIP, OOXML)));

    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();

    private final Map<String, Kind> byExtension = new LinkedHashMap<>();

    /** The kinds named in {@code allowed} ({@code pdf, png, jpeg …}); an unknown name is a configuration error. */
    public FileKinds(Collection<String> allowed) {
        for (String raw : allowed) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Kind kind = KNOWN.stream().filter(k -> k.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("crm.attachments.allowed-types: unknown type '"
                            + name + "'; known: " + KNOWN.stream().map(Kind::name).toList()));
            kind.extensions().forEach(e -> byExtension.put(e, kind));
        }
    }

    /** The allowed kind a file name's extension stands for. */
    public Optional<Kind> forName(String fileName) {
        return Optional.ofNullable(byExtension.get(FileNames.extension(fileName)));
    }

    /** The allowed extensions, for hints and the file input's {@code accept}. */
    public List<String> extensions() {
        return new ArrayList<>(byExtension.keySet());
    }

    /** How many bytes {@link #sniff} may read; wrap the content in a buffer at least this large. */
    public static int sniffLength() {
        return MAGIC.getMinLength();
    }

    /**
     * The type of {@code content} judged by its bytes alone. The stream must support mark/reset; it is reset to
     * where it was.
     */
    public static String sniff(InputStream content) throws IOException {
        if (!content.markSupported()) {
            throw new IllegalArgumentException("content must support mark/reset");
        }
        int length = sniffLength();
        content.mark(length + 1);
        byte[] prefix;
        try {
            prefix = content.readNBytes(length);
        }
        finally {
            content.reset();
        }
        try (TikaInputStream bytes = TikaInputStream.get(prefix)) {
            MediaType type = MAGIC.detect(bytes, new Metadata(), new ParseContext());
            return type.getBaseType().toString();
        }
    }

    /** Whether content sniffed as {@code sniffedType} may be stored as {@code kind}. */
    public static boolean accepts(Kind kind, String sniffedType) {
        return kind.sniffedTypes().contains(sniffedType);
    }
}
