package dev.tailgap.datasets.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Writes small Parquet files for the tests with the same library the format reads them with. */
public final class ParquetFiles {

    /** The schema of the test files: the shape the Hugging Face hub gives a QA set (answers a list of strings). */
    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message qa {"
            + " required int64 qid;"
            + " required binary q (STRING);"
            + " optional group golds (LIST) { repeated group list { optional binary element (STRING); } }"
            + " optional binary subject (STRING);"
            + " optional int64 views;"
            + " optional binary rel (STRING);"
            + " optional double score;"
            + "}");

    /** One row of a test file. */
    public record Row(long id, String question, List<String> answers, String subject, Long views, String relation,
               double score) {
    }

    private ParquetFiles() {
    }

    /**
     * Writes rows of named text and whole-number columns, the way the Hugging Face hub exports PopQA (JSON lists as
     * text, counts as int64); a {@code null} cell is left empty.
     */
    public static Path writeColumns(Path file, List<String> columns, List<List<Object>> rows) throws IOException {
        StringBuilder schema = new StringBuilder("message table {");
        List<Object> first = rows.get(0);
        for (int i = 0; i < columns.size(); i++) {
            schema.append(first.get(i) instanceof Long ? " optional int64 " : " optional binary ")
                    .append(columns.get(i)).append(first.get(i) instanceof Long ? ";" : " (STRING);");
        }
        MessageType type = MessageTypeParser.parseMessageType(schema.append(" }").toString());
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withCodecFactory(new TestCodecs()).withType(type)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (List<Object> row : rows) {
                Group g = groups.newGroup();
                for (int i = 0; i < columns.size(); i++) {
                    if (row.get(i) instanceof Long n) {
                        g.append(columns.get(i), n);
                    } else if (row.get(i) != null) {
                        g.append(columns.get(i), row.get(i).toString());
                    }
                }
                w.write(g);
            }
        }
        return file;
    }

    public static Path write(Path file, List<Row> rows) throws IOException {
        return write(file, rows, CompressionCodecName.SNAPPY);
    }

    public static Path write(Path file, List<Row> rows, CompressionCodecName codec) throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withCodecFactory(new TestCodecs()).withType(SCHEMA)
                .withCompressionCodec(codec).build()) {
            for (Row r : rows) {
                Group g = groups.newGroup().append("qid", r.id()).append("q", r.question());
                Group golds = g.addGroup("golds");
                for (String a : r.answers()) {
                    golds.addGroup("list").append("element", a);
                }
                g.append("subject", r.subject());
                if (r.views() != null) {
                    g.append("views", r.views());
                }
                if (r.relation() != null) {
                    g.append("rel", r.relation());
                }
                g.append("score", r.score());
                w.write(g);
            }
        }
        return file;
    }
}
