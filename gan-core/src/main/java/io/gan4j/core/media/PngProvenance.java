package io.gan4j.core.media;

import io.gan4j.core.io.AtomicFiles;
import io.gan4j.core.io.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * {@code PngProvenance} writes PNG files that carry their {@link MediaProvenance} inside, in two
 * uncompressed {@code iTXt} chunks that standard tools read: an XMP packet ({@code XML:com.adobe.xmp},
 * with the IPTC {@code Iptc4xmpExt:DigitalSourceType}, {@code xmp:CreatorTool} and the gan4j fields), which
 * exiftool and image editors show, and a {@code gan4j} chunk with the fields as JSON (Python PIL's
 * {@code Image.text}).
 */
public final class PngProvenance {

    /** The keyword of the JSON chunk. */
    public static final String KEYWORD = "gan4j";
    private static final String XMP_KEYWORD = "XML:com.adobe.xmp";
    private static final String FORMAT = "javax_imageio_png_1.0";

    private PngProvenance() {}

    /**
     * Writes {@code image} as PNG to {@code file}, atomically, with {@code provenance} inside; without
     * provenance (null) it writes a plain PNG.
     *
     * @param image the picture
     * @param file the target
     * @param provenance what made it, or null for pictures that are not generated (charts)
     */
    public static void write(BufferedImage image, Path file, MediaProvenance provenance) {
        AtomicFiles.write(file, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            // An in-memory stream: ImageIO's default file cache registers a shutdown hook, which fails while the
            // JVM shuts down (a run saving its last checkpoint and loss chart on SIGTERM).
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                IIOMetadata metadata = null;
                if (provenance != null) {
                    metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
                    IIOMetadataNode root = new IIOMetadataNode(FORMAT);
                    IIOMetadataNode text = new IIOMetadataNode("iTXt");
                    text.appendChild(entry(XMP_KEYWORD, xmp(provenance)));
                    text.appendChild(entry(KEYWORD, Json.line(provenance.fields())));
                    root.appendChild(text);
                    metadata.mergeTree(FORMAT, root);
                }
                writer.write(new IIOImage(image, null, metadata));
            } finally {
                writer.dispose();
            }
        });
    }

    /**
     * Reads the provenance a PNG file carries.
     *
     * @param file a PNG file
     * @return its provenance, or empty when it carries none (not written by gan4j, or stripped)
     * @throws IllegalArgumentException when the file is not a readable PNG, or its gan4j chunk is damaged
     */
    public static Optional<MediaProvenance> read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IllegalArgumentException(file + " is not an image ImageIO can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                IIOMetadata metadata = reader.getImageMetadata(0);
                if (metadata == null || !java.util.Arrays.asList(metadata.getMetadataFormatNames()).contains(FORMAT)) {
                    return Optional.empty();
                }
                for (Node chunk = metadata.getAsTree(FORMAT).getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                    if (chunk.getNodeName().equals("iTXt")) {
                        for (Node e = chunk.getFirstChild(); e != null; e = e.getNextSibling()) {
                            IIOMetadataNode entry = (IIOMetadataNode) e;
                            if (KEYWORD.equals(entry.getAttribute("keyword"))) {
                                return Optional.of(MediaProvenance.fromFields(fields(entry.getAttribute("text"), file)));
                            }
                        }
                    }
                }
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fields(String json, Path file) {
        try {
            Map<String, Object> raw = Json.MAPPER.readValue(json, Map.class);
            Map<String, String> out = new LinkedHashMap<>();
            raw.forEach((k, v) -> out.put(k, String.valueOf(v)));
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": its gan4j provenance chunk is damaged: " + e.getMessage(), e);
        }
    }

    private static IIOMetadataNode entry(String keyword, String text) {
        IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("compressionFlag", "FALSE");
        entry.setAttribute("compressionMethod", "0");
        entry.setAttribute("languageTag", "");
        entry.setAttribute("translatedKeyword", "");
        entry.setAttribute("text", text);
        return entry;
    }

    /** Returns an XMP packet with the IPTC digital source type, the creator tool, the date and the gan4j fields. */
    static String xmp(MediaProvenance p) {
        StringBuilder gan4j = new StringBuilder();
        p.fields().forEach((name, value) -> {
            if (!name.equals("digitalSourceType") && !name.equals("tool") && !name.equals("createdAt")) {
                gan4j.append("\n    gan4j:").append(name).append("=\"").append(escape(value)).append('"');
            }
        });
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\"\n"
                + "    xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\"\n"
                + "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                + "    xmlns:gan4j=\"https://github.com/gan4j/gan4j/ns/provenance/1.0/\"\n"
                + "    Iptc4xmpExt:DigitalSourceType=\"" + MediaProvenance.DIGITAL_SOURCE_TYPE + "\"\n"
                + "    xmp:CreatorTool=\"" + escape(p.tool()) + "\"\n"
                + "    xmp:CreateDate=\"" + escape(p.createdAt()) + "\"" + gan4j + "/>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
