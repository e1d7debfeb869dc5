package dev.tailgap.datasets.parquet;

import dev.tailgap.datasets.DatasetException;
import dev.tailgap.datasets.LoadProblem;
import dev.tailgap.datasets.TableFormat;
import dev.tailgap.datasets.TableOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Parquet files (as the Hugging Face hub serves datasets), read with Apache Parquet's own reader on a local file
 * (no Hadoop file system or codecs, see {@link LocalCodecs}; only Hadoop's API classes, which the reader
 * still loads).
 *
 * <p>Contract: the schema's top-level fields are the columns; the "line" of a row is its 1-based row number. Strings
 * (and other binary values) become text, integers {@code Long}, floating point {@code Double}, booleans
 * {@code Boolean}; a {@code LIST} or repeated field becomes a list; other groups become maps. A file that is not
 * Parquet or is damaged fails naming the file, without the reader's internals.
 */
public final class ParquetFormat implements TableFormat {

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    @Override
    public String name() {
        return "parquet";
    }

    @Override
    public List<String> extensions() {
        return List.of(".parquet", ".pq");
    }

    @Override
    public boolean sniff(byte[] head) {
        if (head.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void read(Path file, TableOptions options, RowSink sink) throws DatasetException, IOException {
        String location = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(location + ": no such file");
        }
        long row = 0;
        ParquetReadOptions readOptions = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(LocalCodecs.INSTANCE).build();
        boolean[] opened = {false};
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), readOptions)) {
            opened[0] = true;
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> columns = new ArrayList<>();
            schema.getFields().forEach(f -> columns.add(f.getName()));
            sink.header(columns);
            ColumnIOFactory factory = new ColumnIOFactory();
            for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
                RecordReader<Group> records = factory.getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    row++;
                    sink.row(row, cells(records.read(), schema));
                }
            }
        } catch (RuntimeException | IOException e) {
            if (e instanceof java.nio.file.NoSuchFileException) {
                throw new DatasetException(location + ": no such file");
            }
            String codec = e.getMessage() != null && e.getMessage().contains("which tailgap cannot read")
                    ? e.getMessage() : null;
            throw new DatasetException(new LoadProblem(location, row + 1, "parquet", codec != null ? codec
                    : row == 0 && !opened[0] ? "not a readable Parquet file (no valid footer: truncated, or another "
                    + "format?)" : "damaged at row " + (row + 1) + ": cannot read it"));
        }
    }

    private static Map<String, Object> cells(Group g, GroupType type) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            Type field = type.getType(i);
            int n = g.getFieldRepetitionCount(i);
            if (field.isRepetition(Type.Repetition.REPEATED)) {
                List<Object> values = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    values.add(value(g, i, k, field));
                }
                cells.put(field.getName(), values);
            } else {
                cells.put(field.getName(), n == 0 ? null : value(g, i, 0, field));
            }
        }
        return cells;
    }

    private static Object value(Group g, int field, int index, Type type) {
        if (type.isPrimitive()) {
            PrimitiveType p = type.asPrimitiveType();
            return switch (p.getPrimitiveTypeName()) {
                case INT32 -> (long) g.getInteger(field, index);
                case INT64 -> g.getLong(field, index);
                case FLOAT -> (double) g.getFloat(field, index);
                case DOUBLE -> g.getDouble(field, index);
                case BOOLEAN -> g.getBoolean(field, index);
                default -> g.getValueToString(field, index);
            };
        }
        Group child = g.getGroup(field, index);
        GroupType groupType = type.asGroupType();
        if (groupType.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
                && groupType.getFieldCount() == 1) {
            Type repeated = groupType.getType(0);
            List<Object> out = new ArrayList<>();
            int n = child.getFieldRepetitionCount(0);
            for (int k = 0; k < n; k++) {
                if (!repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1) {
                    Group element = child.getGroup(0, k);
                    Type elementType = repeated.asGroupType().getType(0);
                    out.add(element.getFieldRepetitionCount(0) == 0 ? null : value(element, 0, 0, elementType));
                } else {
                    out.add(value(child, 0, k, repeated));
                }
            }
            return out;
        }
        return cells(child, groupType);
    }
}
