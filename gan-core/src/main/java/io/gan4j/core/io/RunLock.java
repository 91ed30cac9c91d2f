package io.gan4j.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A {@code RunLock} makes one process at a time the owner of a run directory: an OS file lock on
 * {@code DIR/.lock}, which the operating system releases when the owner exits, however it exits
 * ({@code kill -9} included). The file names the owner (process id, what it does, since when), so a
 * second writer is refused with a message that says who holds the directory.
 */
public final class RunLock implements AutoCloseable {

    /** The lock file inside a run directory. */
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the run directory for this process, creating it if needed.
     *
     * @param directory the run directory
     * @param purpose what this process does there, for the message another process gets, e.g. {@code training}
     * @return the lock, to close when done writing
     * @throws IllegalArgumentException when another process (or another run in this one) holds the directory,
     *     naming its process id and purpose
     */
    public static RunLock acquire(Path directory, String purpose) {
        Path file = directory.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;  // held by this very process
            }
            if (lock == null) {
                String owner = Files.readString(file, StandardCharsets.UTF_8).strip().replace('\n', ' ');
                channel.close();
                throw new IllegalArgumentException("run directory " + directory + " is in use by "
                        + (owner.isEmpty() ? "another process" : owner) + "; wait for it to finish or use another directory");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + " (" + purpose + " since "
                    + Instant.now() + ")\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new UncheckedIOException("cannot lock run directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the run directory when {@code output} lies inside it (a command writing its results into a
     * run, e.g. {@code RUN/samples/} or {@code RUN/detect/}), so it never writes while the run trains.
     *
     * @param directory the run directory
     * @param output where the command writes
     * @param purpose what the command does, for the message another process gets
     * @return the lock, or null (which try-with-resources skips) when {@code output} is outside the run
     * @throws IllegalArgumentException when another process holds the directory
     */
    public static RunLock forOutput(Path directory, Path output, String purpose) {
        Path run = directory.toAbsolutePath().normalize();
        return output.toAbsolutePath().normalize().startsWith(run) ? acquire(run, purpose) : null;
    }

    /** Releases the directory. The file stays: deleting it would let a third process lock a different file. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release run lock: " + e.getMessage(), e);
        }
    }
}
