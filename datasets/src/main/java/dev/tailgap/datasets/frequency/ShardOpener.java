package dev.tailgap.datasets.frequency;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens a corpus file at a byte offset: {@link #LOCAL} reads the local file system; the Spark job opens through
 * Hadoop's FileSystem (HDFS, S3, ...).
 */
public interface ShardOpener extends Serializable {

    /** A stream over the raw bytes of {@code path} from {@code offset} on. */
    InputStream open(String path, long offset) throws IOException;

    /** Local files. */
    ShardOpener LOCAL = (path, offset) -> {
        FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ);
        ch.position(offset);
        return Channels.newInputStream(ch);
    };
}
