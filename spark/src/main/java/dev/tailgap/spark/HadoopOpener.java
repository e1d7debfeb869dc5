package dev.tailgap.spark;

import dev.tailgap.datasets.frequency.ShardOpener;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/**
 * Opens corpus files through Hadoop's FileSystem (local, HDFS, S3 through the s3a connector, ...) with the job's
 * Hadoop configuration, which travels to the executors with the opener.
 */
final class HadoopOpener implements ShardOpener {
    private static final long serialVersionUID = 1L;
    private transient Configuration conf;

    HadoopOpener(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public InputStream open(String path, long offset) throws IOException {
        Path p = new Path(path);
        FSDataInputStream in = p.getFileSystem(conf).open(p, 1 << 16);
        if (offset > 0) {
            in.seek(offset);
        }
        return in;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        conf.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        conf = new Configuration(false);
        conf.readFields(in);
    }
}
