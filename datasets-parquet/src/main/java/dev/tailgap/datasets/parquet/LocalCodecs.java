package dev.tailgap.datasets.parquet;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page decompression for reading Parquet without Hadoop's codec classes (which start a Hadoop configuration and need
 * Hadoop's whole run time): uncompressed, Snappy (snappy-java), gzip (the JDK) and Zstandard (zstd-jni) pages, the
 * codecs Parquet writers use by default.
 *
 * <p>Contract: read-only; {@link #getCompressor} refuses; any other codec fails naming it.
 */
final class LocalCodecs implements CompressionCodecFactory {

    static final LocalCodecs INSTANCE = new LocalCodecs();

    private LocalCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("tailgap reads Parquet files, it does not write them");
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new Decompressor(codec);
    }

    @Override
    public void release() {
    }

    /** Decompresses the pages of one codec. */
    private record Decompressor(CompressionCodecName codec) implements BytesInputDecompressor {

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(decompress(bytes.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(in, uncompressedSize));
        }

        private byte[] decompress(byte[] in, int uncompressedSize) throws IOException {
            byte[] out = switch (codec) {
                case UNCOMPRESSED -> in;
                case SNAPPY -> Snappy.uncompress(in);
                case GZIP -> {
                    try (GZIPInputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(in))) {
                        yield gz.readNBytes(uncompressedSize);
                    }
                }
                case ZSTD -> Zstd.decompress(in, uncompressedSize);
                default -> throw new IOException("pages compressed with " + codec + ", which tailgap cannot read "
                        + "(it reads uncompressed, SNAPPY, GZIP and ZSTD)");
            };
            if (out.length != uncompressedSize) {
                throw new IOException("a " + codec + " page decompressed to " + out.length + " bytes, expected "
                        + uncompressedSize);
            }
            return out;
        }

        @Override
        public void release() {
        }
    }
}
