package dev.tailgap.harness.cli;

import static dev.tailgap.harness.cli.CliTest.tailgap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tailgap.reports.CsvReport;
import dev.tailgap.reports.JsonReport;
import dev.tailgap.reports.Report;
import dev.tailgap.reports.ReportFormat;
import dev.tailgap.reports.ReportFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code tailgap report --format html|csv|junit} and {@code tailgap compare} as a user meets them. */
class ReportFormatsCliTest {
    @TempDir
    Path tmp;

    private Path demo(String name, String... extra) {
        Path out = tmp.resolve(name);
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"demo", "--per-bucket", "30", "--out", out.toString(), "-q"}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        CliTest.Result r = tailgap(args);
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    @Test
    void reportWritesHtmlCsvAndJUnitFilesIntoTheRunDirectory() throws Exception {
        Path run = demo("run");
        assertThat(run.resolve("report.html")).exists();
        String html = Files.readString(run.resolve("report.html"));
        Files.delete(run.resolve("report.html"));
        CliTest.Result r = tailgap("report", run.toString(), "--format", "html", "--no-write");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("wrote " + run.resolve("report.html"));
        assertThat(Files.readString(run.resolve("report.html"))).as("same report, same bytes").isEqualTo(html);

        r = tailgap("report", run.toString(), "--format", "csv", "--no-write");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> buckets = Files.readAllLines(run.resolve("buckets.csv"));
        assertThat(buckets.get(0)).isEqualTo(String.join(",", CsvReport.BUCKET_COLUMNS));
        assertThat(Files.readAllLines(run.resolve("items.csv")))
                .hasSize(Files.readAllLines(run.resolve("items.jsonl")).size() + 1);

        r = tailgap("report", run.toString(), "--format", "junit", "--no-write");
        assertThat(r.code()).as(r.err()).isZero();
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(run.resolve("junit.xml").toFile());
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(buckets.size() - 1);
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void aFormatAddedThroughServicesIsListedAndWritesItsFile() throws Exception {
        assertThat(ReportFormats.all()).extracting(ReportFormat::name)
                .containsExactly("bucket-sizes", "csv", "html", "json", "junit", "markdown", "table");
        CliTest.Result list = tailgap("list", "formats");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out().lines()).hasSize(7)
                .anySatisfy(l -> assertThat(l).startsWith("bucket-sizes").contains("sizes", "a test plug-in"))
                .anySatisfy(l -> assertThat(l).startsWith("markdown").contains(" md ", "report.md"));

        Path run = demo("plugin");
        CliTest.Result r = tailgap("report", run.toString(), "--format", "sizes", "--no-write");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("wrote " + run.resolve("bucket-sizes.txt"));
        Report report = JsonReport.parse(Files.readString(run.resolve("report.json")));
        assertThat(Files.readAllLines(run.resolve("bucket-sizes.txt"))).containsExactlyElementsOf(
                report.buckets().stream().map(b -> b.name() + " n=" + b.n() + " logged=" + b.asked()).toList());

        assertThat(tailgap("report", run.toString(), "--format", "md").out()).as("md is markdown")
                .isEqualTo(Files.readString(run.resolve("report.md")));
        CliTest.Result unknown = tailgap("report", run.toString(), "--format", "pdf");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("tailgap: error: --format: unknown report format 'pdf'; known: "
                + "bucket-sizes (sizes), csv, html, json, junit, markdown (md), table\n");
    }

    @Test
    void compareWritesEachFormatAndRefusesRunsOnDifferentDatasets() throws Exception {
        Path a = demo("a");
        Path b = demo("b", "--sim-floor", "0.4");
        for (String f : List.of("cmp.html", "cmp.md", "cmp.json")) {
            CliTest.Result r = tailgap("compare", a.toString(), b.toString(), "--out", tmp.resolve(f).toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(tmp.resolve(f)).exists();
        }
        assertThat(Files.readString(tmp.resolve("cmp.json"))).contains("\"kind\": \"comparison\"");
        assertThat(Files.readString(tmp.resolve("cmp.md"))).contains("McNemar").contains("Holm");
        assertThat(Files.readString(tmp.resolve("cmp.html"))).startsWith("<!DOCTYPE html>")
                .contains("id=\"chart-overlay\"");
        assertThat(tailgap("compare", a.toString(), b.toString(), "--format", "md").out())
                .as("md is another spelling of markdown").isEqualTo(tailgap("compare", a.toString(), b.toString(),
                        "--format", "markdown").out());
        assertThat(tailgap("compare", a.toString(), b.toString(), "-o", "x.html").code())
                .as("-o is --option in run, so compare takes --out only").isEqualTo(2);
        CliTest.Result printed = tailgap("compare", a.toString(), b.toString(), "--format", "json");
        assertThat(printed.out()).isEqualTo(Files.readString(tmp.resolve("cmp.json")));

        Path spec = b.resolve("spec.json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(spec.toFile());
        String sha = tree.get("dataset").get("sha256").asText();
        assertThat(sha).hasSize(64);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("dataset")).put("sha256", "f".repeat(64));
        json.writeValue(spec.toFile(), tree);
        CliTest.Result refused = tailgap("compare", a.toString(), b.toString(), "--out", tmp.resolve("x.md").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err().strip().lines()).hasSize(1);
        assertThat(refused.err()).contains(a.toString()).contains(b.toString()).contains(sha).contains("f".repeat(64));
        assertThat(tmp.resolve("x.md")).doesNotExist();

        assertThat(tailgap("compare", a.toString()).code()).isEqualTo(2);
        assertThat(tailgap("compare", "--help").out()).contains("Usage: tailgap compare");
    }
}
