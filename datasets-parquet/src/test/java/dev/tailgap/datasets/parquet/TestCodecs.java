package dev.tailgap.datasets.parquet;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/** Page compression for writing test files without Hadoop's codec classes, straight from each codec's library. */
final class TestCodecs implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                byte[] in = bytes.toByteArray();
                return BytesInput.from(switch (codec) {
                    case UNCOMPRESSED -> in;
                    case SNAPPY -> Snappy.compress(in);
                    case ZSTD -> Zstd.compress(in);
                    case GZIP -> {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                            gz.write(in);
                        }
                        yield out.toByteArray();
                    }
                    default -> throw new IOException("no test compressor for " + codec);
                });
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return LocalCodecs.INSTANCE.getDecompressor(codec);
    }

    @Override
    public void release() {
    }
}
