package org.riemopt.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.riemopt.linalg.DenseMatrix;

/**
 * Reads and writes NumPy {@code .npz} archives, as made by {@code numpy.savez}: a zip file with one
 * {@code <name>.npy} entry per array.
 */
public final class Npz {

    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /**
     * Writes the arrays to {@code path} atomically, in the map's iteration order, as uncompressed entries
     * {@code <name>.npy} (what {@code numpy.savez} writes; {@code numpy.load(path)[name]} reads them back).
     *
     * @throws IllegalArgumentException      if a name is empty
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(Path path, Map<String, DenseMatrix> arrays) {
        arrays.keySet().forEach(name -> {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("an array name must not be empty");
            }
        });
        AtomicFiles.write(path, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, DenseMatrix> e : arrays.entrySet()) {
                    zip.putNextEntry(storedEntry(e.getKey() + SUFFIX, e.getValue()));
                    Npy.writeTo(zip, e.getValue());
                    zip.closeEntry();
                }
            }
        });
    }

    /**
     * Reads every array of the archive, in archive order, keyed by entry name without {@code .npy}; a 1-D array
     * becomes an {@code n x 1} matrix. Each entry is checked as {@link ArrayFile} checks a {@code .npy} file.
     *
     * @throws DataFileException if the file is missing, not a zip archive, or holds an entry that is not a
     *                           supported {@code .npy} array (the message names the entry)
     */
    public static Map<String, DenseMatrix> read(Path path) {
        Map<String, DenseMatrix> arrays = new LinkedHashMap<>();
        visit(path, (name, header, channel) -> arrays.put(name, NpyValues.readMatrix(path, header, channel)));
        return arrays;
    }

    /**
     * The number of values the archive's arrays hold, from their headers alone (what {@link #read} allocates), so
     * that a caller can refuse an archive too large to hold before reading it.
     *
     * @throws DataFileException as {@link #read}
     */
    public static long values(Path path) {
        long[] total = {0};
        visit(path, (name, header, channel) -> total[0] += header.entries());
        return total[0];
    }

    /** What is done with one entry once its header is read; {@code channel} is positioned at its values. */
    private interface EntryVisitor {
        void visit(String name, NpyHeader header, ReadableByteChannel channel);
    }

    /** Reads each entry's header, in archive order, and hands it to {@code visitor}. */
    private static void visit(Path path, EntryVisitor visitor) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(SUFFIX)) {
                    throw new DataFileException(path, "entry '" + name + "' is not a .npy array; expected only "
                            + "<name>.npy entries");
                }
                try (InputStream in = zip.getInputStream(entry); ReadableByteChannel channel = Channels.newChannel(in)) {
                    visitor.visit(name.substring(0, name.length() - SUFFIX.length()), NpyHeader.read(path, channel),
                            channel);
                } catch (DataFileException e) {
                    throw new DataFileException(path, "entry '" + name + "': " + e.detail());
                }
            }
        } catch (ZipException e) {
            throw new DataFileException(path, "not a .npz (zip) archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw DataFileException.cannotRead(path, e);
        }
    }

    /** An uncompressed entry, which needs its size and CRC before the data: computed by a dry run. */
    private static ZipEntry storedEntry(String name, DenseMatrix m) throws IOException {
        CRC32 crc = new CRC32();
        try (OutputStream sink = new CheckedOutputStream(OutputStream.nullOutputStream(), crc)) {
            Npy.writeTo(sink, m);
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(Npy.byteSize(m));
        entry.setCompressedSize(Npy.byteSize(m));
        entry.setCrc(crc.getValue());
        return entry;
    }
}
