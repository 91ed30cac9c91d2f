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

    /** The directories this process holds, so {@link #isHeld} can answer for them without touching their locks. */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.regex.Pattern OWNER = java.util.regex.Pattern.compile("^process (\\d+) ");

    private final FileChannel channel;
    private final FileLock lock;
    private final Path directory;

    private RunLock(FileChannel channel, FileLock lock, Path directory) {
        this.channel = channel;
        this.lock = lock;
        this.directory = directory;
        HELD.add(directory);
    }

    /**
     * Tells whether a process holds the directory now, without taking or probing its lock (a probe from
     * this process could release this process's own lock on the file): this process answers from what it
     * holds; for another process the answer is whether the process the lock file names is alive (a
     * recycled process id can make it say yes for a directory nobody holds).
     *
     * @param directory the run directory
     * @return whether its owner is running
     */
    public static boolean isHeld(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Path file = dir.resolve(FILE);
            if (!Files.isRegularFile(file)) {
                return false;
            }
            java.util.regex.Matcher owner = OWNER.matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (!owner.find()) {
                return false;
            }
            long pid = Long.parseLong(owner.group(1));
            return pid == ProcessHandle.current().pid() ? HELD.contains(dir)
                    : ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
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
                String owner = owner(file);
                channel.close();
                throw new IllegalArgumentException("run directory " + directory + " is in use by "
                        + (owner.isEmpty() ? "another process" : owner) + "; wait for it to finish or use another directory");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + " (" + purpose + " since "
                    + Instant.now() + ")\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(channel, lock, directory.toAbsolutePath().normalize());
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
     * Returns what the lock file says of its holder. A holder writes it just after taking the lock, so a
     * process that started at the same moment may find it still empty: it waits up to a second for it.
     */
    private static String owner(Path file) throws IOException {
        String owner = "";
        for (int i = 0; i < 20 && owner.isEmpty(); i++) {
            if (i > 0) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            owner = Files.readString(file, StandardCharsets.UTF_8).strip().replace('\n', ' ');
        }
        return owner;
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
        HELD.remove(directory);
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release run lock: " + e.getMessage(), e);
        }
    }
}
