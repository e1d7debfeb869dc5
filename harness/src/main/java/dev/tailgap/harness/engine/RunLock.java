package dev.tailgap.harness.engine;

import dev.tailgap.harness.TailgapException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive right to write one run directory: an OS file lock on its {@value #FILE}, which holds the writer's
 * process id. A second writer, in another process or this one, is refused with a usage error naming the holder, so two
 * processes never interleave items in one log. The operating system drops the lock when the process dies, so a
 * {@code kill -9} leaves nothing to clean up.
 */
final class RunLock implements AutoCloseable {
    static final String FILE = ".lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** The locked run directory. */
    Path dir() {
        return dir;
    }

    /** Takes the lock of {@code dir} (created if needed), or throws a usage error naming the process holding it. */
    static RunLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException inThisProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(file);
                channel.close();
                throw TailgapException.usage("run directory " + dir + " is being written by another tailgap ("
                        + (holder.isEmpty() ? "process unknown" : "process " + holder) + "); wait for it to finish, "
                        + "or pass another --out");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            return new RunLock(dir, channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // reporting the first failure
                }
            }
            throw new UncheckedIOException("cannot lock run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the process exit releases it too
        }
    }

    /**
     * Locks the directory the run goes to: {@code target}, or when that holds a finished run the first sibling
     * {@code target-K} that does not, noting the move in {@code warnings}.
     */
    static RunLock place(Path target, List<String> warnings) {
        for (int k = 1; ; k++) {
            Path candidate = k == 1 ? target : target.resolveSibling(target.getFileName() + "-" + k);
            RunLock lock = acquire(candidate);
            RunState state = new RunDirectory(candidate).state();
            if (state == null || !state.complete()) {
                if (k > 1) {
                    warnings.add(target + " holds a finished run, so this run is a new one in " + candidate);
                }
                return lock;
            }
            lock.close();
        }
    }
}
